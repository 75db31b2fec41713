package io.k8sgate.core.check.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.model.Finding;
import io.k8sgate.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanSecretCheckTest extends AbstractImageCheckTest {
    @Override
    protected Check check() {
        return new ScanSecretCheck();
    }

    @Test
    void shouldNeverCarryTheSecretTextIntoFindings() {
        List<Finding> found = findings("configmap.yaml", Fixtures.read("checks/K8S-IMG-007/violating/configmap.yaml"),
                settings());
        assertThat(found).hasSize(2);
        assertThat(found.toString()).doesNotContain("AKIAZZTOPSECRETVALUE1", "ghp_realtokenvaluehere", "ghp_***");
        assertThat(found).extracting(f -> f.resource().kind()).containsExactlyInAnyOrder("File", "Image");
    }

    /** Issue 17: Trivy-Operator's exposed-secret reports are read; the secrets go to the image, without their text. */
    @Test
    void shouldReadOperatorExposedSecretReportsIssue17() {
        io.k8sgate.core.input.trivy.TrivyReports reports = io.k8sgate.core.input.trivy.TrivyReports.of(List.of(
                new io.k8sgate.core.input.trivy.TrivyReportReader().read(Fixtures.path(
                        "trivy/trivy_operator_exposedsecretreport.json"), "secrets.json")), TODAY);
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  namespace: shop
                spec:
                  containers:
                    - name: app
                      image: registry.example.com/shop/web:1.4.2
                """;
        List<Finding> found = check().evaluate(context(objects(yaml), io.k8sgate.core.check.CheckSettings.DEFAULT,
                reports));
        assertThat(found).extracting(f -> f.properties().get("rule")).containsExactly("aws-access-key-id",
                "github-pat", "private-key");
        assertThat(found).allSatisfy(f -> assertThat(f.resource().kind()).isEqualTo("Image"));
        assertThat(found.toString()).doesNotContain("****");
    }
}
