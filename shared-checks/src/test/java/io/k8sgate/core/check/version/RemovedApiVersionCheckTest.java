package io.k8sgate.core.check.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.check.KubernetesVersion;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemovedApiVersionCheckTest extends AbstractCheckTest {
    static final String CRONJOB_V1BETA1 = """
            apiVersion: batch/v1beta1
            kind: CronJob
            metadata: {name: report, namespace: shop}
            spec:
              schedule: "@daily"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers: [{name: report, image: "report:1.0"}]
            """;

    @Override
    protected Check check() {
        return new RemovedApiVersionCheck();
    }

    static CheckSettings target(final String version) {
        return new CheckSettings(KubernetesVersion.parse(version).orElseThrow(), Map.of());
    }

    @Test
    void shouldNameTheReplacementAndTheReleaseThatRemovedIt() {
        assertThat(findings("cronjob.yaml", CRONJOB_V1BETA1, target("1.25"))).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("CronJob 'report' uses batch/v1beta1, which Kubernetes no longer "
                    + "serves since v1.25 (target v1.25): use batch/v1 (served since v1.21)");
            assertThat(f.properties()).containsEntry("replacement", "batch/v1");
            assertThat(f.fieldPath()).isEqualTo("apiVersion");
            assertThat(f.location().line()).isEqualTo(1);
        });
    }

    @Test
    void shouldFollowThePolicysTargetVersion() {
        assertThat(findings("cronjob.yaml", CRONJOB_V1BETA1, target("v1.24.3"))).isEmpty();
    }

    @Test
    void shouldSayWhenThereIsNoReplacement() {
        assertThat(findings("""
                apiVersion: policy/v1beta1
                kind: PodSecurityPolicy
                metadata: {name: psp}
                """)).singleElement().satisfies(f -> {
                    assertThat(f.message()).endsWith("PodSecurityPolicy has no replacement API");
                    assertThat(f.remediation()).contains("Pod Security Admission");
                });
    }
}
