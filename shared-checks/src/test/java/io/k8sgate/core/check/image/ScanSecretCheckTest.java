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
}
