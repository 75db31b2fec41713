package io.k8sgate.core.check.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.fixtures.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MissingScanReportCheckTest extends AbstractImageCheckTest {
    @Override
    protected Check check() {
        return new MissingScanReportCheck();
    }

    @Test
    void shouldFlagNothingWhenTheRunHasNoReportsAtAll() {
        String yaml = Fixtures.read("checks/K8S-IMG-002/violating/unscanned-images.yaml");
        assertThat(check().evaluate(CheckContext.of(objects(yaml), CheckSettings.DEFAULT))).isEmpty();
    }

    @Test
    void shouldUseTheConfiguredSeverity() {
        ImageSettings high = new ImageSettings(SeveritySource.TRIVY, Optional.empty(), false, false, Severity.MEDIUM,
                Severity.CRITICAL, true, List.of(), Map.of());
        String yaml = Fixtures.read("checks/K8S-IMG-002/violating/unscanned-images.yaml");
        List<Finding> found = check().evaluate(CheckContext.of(objects(yaml), CheckSettings.DEFAULT)
                .with(ImageSettings.class, high).with(io.k8sgate.core.input.trivy.TrivyReports.class,
                        reports("unscanned-images.yaml")));
        assertThat(found).hasSize(3).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
        assertThat(found.get(0).message()).contains("docker.io/library/nginx:1.27", "'proxy'");
    }
}
