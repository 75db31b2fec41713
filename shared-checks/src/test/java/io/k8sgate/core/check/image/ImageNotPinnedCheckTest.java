package io.k8sgate.core.check.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.model.Finding;
import io.k8sgate.fixtures.Fixtures;
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

    @Test
    void shouldSayWhyAMalformedDigestDoesNotPinAndQuoteTheImageAsWritten() {
        assertThat(findings("malformed.yaml", Fixtures.read("checks/K8S-IMG-004/violating/malformed-digests.yaml"),
                CheckSettings.DEFAULT)).extracting(Finding::message).satisfiesExactly(
                        m -> assertThat(m).endsWith("with a malformed digest, so it is not pinned: a sha256 digest "
                                + "is 64 lowercase hexadecimal digits (got 63 characters)"),
                        m -> assertThat(m).contains("@sha256:0D17B565").endsWith("(got 64 characters, uppercase)"),
                        m -> assertThat(m).endsWith("'md5' is not a digest algorithm images are pulled by "
                                + "(sha256, sha512)"));
    }

    @Test
    void shouldLinkTheFindingToTheImageReport() {
        assertThat(findings("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n"
                + "    - name: c\n      image: ghcr.io/acme/app:1.2\n")).singleElement()
                .satisfies(f -> assertThat(f.properties()).containsEntry(ImageFindings.IMAGE_REFERENCE,
                        "ghcr.io/acme/app:1.2"));
    }

    @Test
    void shouldCarryThePeerEquivalentsOfTheCheckItReplaces() {
        assertThat(check().metadata().equivalents()).containsEntry("checkov", java.util.List.of("CKV_K8S_43"))
                .containsEntry("kubescape", java.util.List.of("C-0306"));
    }
}
