package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "~", value = {
        "nginx|''|nginx|''|''",
        "nginx:1.27|''|nginx|1.27|''",
        "registry.example.com:5000/shop/web|registry.example.com:5000|shop/web|''|''",
        "registry.example.com:5000/shop/web:2.1|registry.example.com:5000|shop/web|2.1|''",
        "localhost/tools:1|localhost|tools|1|''",
        "library/nginx:latest|''|library/nginx|latest|''",
        "ghcr.io/org/app:1.0@sha256:abcd|ghcr.io|org/app|1.0|sha256:abcd",
        "app@sha256:abcd|''|app|''|sha256:abcd"})
    void shouldSplitReferencesAsTheRuntimeDoes(final String image, final String registry, final String repository,
            final String tag, final String digest) {
        assertThat(ImageReference.parse(image)).isEqualTo(new ImageReference(registry, repository, tag, digest));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "nginx|Always", "nginx:latest|Always", "nginx:1.27|IfNotPresent",
        "nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c|IfNotPresent",
        "nginx:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c|Always"})
    void shouldDefaultThePullPolicyLikeKubernetes(final String image, final String policy) {
        assertThat(ImageReference.parse(image).defaultPullPolicy()).isEqualTo(policy);
    }

    @ParameterizedTest(name = "[{index}] {0} pinned={1}")
    @CsvSource(delimiter = '|', value = {
        "nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c0d17b565c37bcbd895e9d92315a05c1c|true",
        "nginx@sha256:abc|false", "nginx:1.0|false",
        "nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c|false",
        "nginx@sha256:0D17B565C37BCBD895E9D92315A05C1C0D17B565C37BCBD895E9D92315A05C1C|false",
        "nginx@md5:0d17b565c37bcbd895e9d92315a05c1c|false",
        "nginx@sha512:0d17b565c37bcbd895e9d92315a05c1c0d17b565c37bcbd895e9d92315a05c1c"
            + "0d17b565c37bcbd895e9d92315a05c1c0d17b565c37bcbd895e9d92315a05c1c|true",
        "nginx@sha512:0d17b565c37bcbd895e9d92315a05c1c0d17b565c37bcbd895e9d92315a05c1c|false"})
    void shouldOnlyCountWellFormedDigestsAsPinned(final String image, final boolean pinned) {
        assertThat(ImageReference.parse(image).isPinned()).isEqualTo(pinned);
    }
}
