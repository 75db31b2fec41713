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
}
