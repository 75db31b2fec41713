package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.model.Finding;
import io.k8sgate.fixtures.Fixtures;
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

    @Test
    void shouldSayWhyAMalformedDigestDoesNotPin() {
        assertThat(findings("malformed.yaml", Fixtures.read("checks/K8S-WL-056/violating/malformed-digests.yaml"),
                CheckSettings.DEFAULT)).extracting(Finding::message).satisfiesExactly(
                        m -> assertThat(m).endsWith("with a malformed digest, so it is not pinned: a sha256 digest "
                                + "is 64 lowercase hexadecimal digits (got 63 characters)"),
                        m -> assertThat(m).endsWith("(got 64 characters, uppercase)"),
                        m -> assertThat(m).endsWith("'md5' is not a digest algorithm images are pulled by "
                                + "(sha256, sha512)"));
    }
}
