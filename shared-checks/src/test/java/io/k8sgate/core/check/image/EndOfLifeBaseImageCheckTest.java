package io.k8sgate.core.check.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.Check;
import io.k8sgate.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

class EndOfLifeBaseImageCheckTest extends AbstractImageCheckTest {
    @Override
    protected Check check() {
        return new EndOfLifeBaseImageCheck();
    }

    @Test
    void shouldNameTheOsAndEveryWorkloadThatRunsTheImage() {
        String yaml = Fixtures.read("checks/K8S-IMG-005/violating/end-of-life-base.yaml");
        assertThat(findings("end-of-life-base.yaml", yaml, settings())).singleElement().satisfies(f -> {
                    assertThat(f.resource().kind()).isEqualTo("Image");
                    assertThat(f.properties()).containsEntry("os", "alpine 3.10.9")
                            .containsEntry("workloads", "Deployment/shop/legacy [app], Pod/ops/shell [shell]");
                });
    }
}
