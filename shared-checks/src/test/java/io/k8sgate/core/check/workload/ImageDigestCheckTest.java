package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import org.junit.jupiter.api.Test;

class ImageDigestCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new ImageDigestCheck();
    }

    @Test
    void shouldBeOptional() {
        assertThat(check().metadata().enabledByDefault()).isFalse();
    }
}
