package io.k8sgate.core.check.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.Check;
import org.junit.jupiter.api.Test;

class ImageNotPinnedCheckTest extends AbstractImageCheckTest {
    @Override
    protected Check check() {
        return new ImageNotPinnedCheck();
    }

    @Test
    void shouldBeOffUnlessThePolicyRequiresDigests() {
        assertThat(check().metadata().enabledByDefault()).isFalse();
    }

    @Test
    void shouldNameTheNormalisedImage() {
        assertThat(findings("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n"
                + "    - name: c\n      image: busybox\n")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("docker.io/library/busybox:latest"));
    }
}
