package io.k8sgate.core.check.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.input.trivy.IgnoreFileReader;
import io.k8sgate.core.input.trivy.TrivyReportReader;
import io.k8sgate.core.input.trivy.TrivyReports;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanMisconfigurationCheckTest extends AbstractImageCheckTest {
    @Override
    protected Check check() {
        return new ScanMisconfigurationCheck();
    }

    @Test
    void shouldSurfaceAConfigScanAtItsFileAndLineWithItsSeverity() {
        TrivyReports config = TrivyReports.of(List.of(new TrivyReportReader().read(
                Fixtures.path("trivy/trivy_schema2_config.json"), "scan.json")), TODAY);
        List<Finding> found = check().evaluate(context(List.of(), CheckSettings.DEFAULT, config));
        assertThat(found).extracting(f -> f.location().toString(), Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Dockerfile", Severity.HIGH),
                        org.assertj.core.groups.Tuple.tuple("Dockerfile:1", Severity.MEDIUM));
        assertThat(found.get(0).properties()).containsEntry("rule", "DS-0002")
                .containsEntry("resolution", "Add 'USER <non root user name>' line to the Dockerfile");
    }

    @Test
    void shouldKeepIgnoredMisconfigurationsVisibleAsSuppressedByIdOrAvdId() {
        List<io.k8sgate.core.input.trivy.IgnoreRule> rules = new IgnoreFileReader().parse("trivyignore.yaml",
                Fixtures.read("trivy/ignore/trivyignore.yaml"), d -> { });
        TrivyReports config = new TrivyReports(List.of(new TrivyReportReader().read(
                Fixtures.path("trivy/trivy_schema2_config.json"), "scan.json")), rules, List.of(), TODAY);
        List<Finding> found = check().evaluate(context(List.of(), CheckSettings.DEFAULT, config));
        assertThat(found).filteredOn(Finding::isSuppressed).singleElement().satisfies(f -> {
            assertThat(f.properties()).containsEntry("rule", "DS-0001");
            assertThat(f.suppression().orElseThrow().reason()).isEqualTo("base tag pinned by the build");
            assertThat(f.suppression().orElseThrow().source()).isEqualTo("trivyignore");
        });
    }

    /** Issue 17: Trivy-Operator's configuration audits are read and placed at the object they audit. */
    @org.junit.jupiter.api.Test
    void shouldPlaceOperatorConfigAuditsAtTheAuditedObjectIssue17() {
        io.k8sgate.core.input.trivy.TrivyReports reports = io.k8sgate.core.input.trivy.TrivyReports.of(List.of(
                new io.k8sgate.core.input.trivy.TrivyReportReader().read(io.k8sgate.fixtures.Fixtures.path(
                        "trivy/trivy_operator_configauditreport.yaml"), "audit.yaml")), TODAY);
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: shop
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          image: registry.example.com/shop/web:1.4.2
                """;
        List<io.k8sgate.core.model.Finding> found = check().evaluate(context(objects(yaml),
                io.k8sgate.core.check.CheckSettings.DEFAULT, reports));
        assertThat(found).extracting(f -> f.properties().get("rule")).containsExactly("KSV014", "KSV011");
        assertThat(found).allSatisfy(f -> {
            assertThat(f.resource().display()).isEqualTo("Deployment/shop/web");
            assertThat(f.location().line()).isEqualTo(1);
            assertThat(f.message()).contains("ReplicaSet/shop/web-5d8f7c9b4 in the cluster scan");
        });
        assertThat(found.get(0).severity()).isEqualTo(io.k8sgate.core.model.Severity.HIGH);
    }
}
