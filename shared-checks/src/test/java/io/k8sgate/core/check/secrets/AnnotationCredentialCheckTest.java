package io.k8sgate.core.check.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.model.Finding;
import io.k8sgate.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnotationCredentialCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new AnnotationCredentialCheck();
    }

    @Test
    void shouldNameTheAnnotationAndWhoseItIs() {
        List<Finding> found = findings(Fixtures.read("checks/K8S-SEC-002/violating/annotations.yaml"));

        assertThat(found).extracting(Finding::message).containsExactlyInAnyOrder(
                "Deployment 'api' holds a password in its annotation 'backup.example.com/db-password' (not shown)",
                "Deployment 'api' holds a Slack webhook URL (https://hooks.slack.com/…) in its pod template's "
                        + "annotation 'alerts.example.com/webhook' (not shown)",
                "Service 'api' holds a GitHub token (ghp_…) in its annotation 'ci.example.com/deploy-token' "
                        + "(not shown)");
        assertThat(found).allSatisfy(f -> assertThat(f.toString()).doesNotContain("fixture-", "K8sGateFixture"));
    }

    @Test
    void shouldReportAPodsOwnAnnotationOnce() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations: {example.com/api-token: fixture-pod-token}
                spec:
                  containers: [{name: app, image: app:1}]
                """)).singleElement().satisfies(f -> assertThat(f.message()).contains("its annotation"));
    }
}
