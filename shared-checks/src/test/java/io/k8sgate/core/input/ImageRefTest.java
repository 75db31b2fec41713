package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageRefTest {
    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    static Stream<Arguments> references() {
        return Stream.of(
                Arguments.of("nginx", "docker.io/library/nginx:latest"),
                Arguments.of("nginx:1.25", "docker.io/library/nginx:1.25"),
                Arguments.of("library/nginx:1.25", "docker.io/library/nginx:1.25"),
                Arguments.of("docker.io/nginx:1.25", "docker.io/library/nginx:1.25"),
                Arguments.of("index.docker.io/library/nginx:1.25", "docker.io/library/nginx:1.25"),
                Arguments.of("registry-1.docker.io/library/nginx", "docker.io/library/nginx:latest"),
                Arguments.of("bitnami/redis:7.2", "docker.io/bitnami/redis:7.2"),
                Arguments.of("ghcr.io/acme/api:v1.2.3", "ghcr.io/acme/api:v1.2.3"),
                Arguments.of("localhost:5000/tools/debug", "localhost:5000/tools/debug:latest"),
                Arguments.of("localhost/app:1", "localhost/app:1"),
                Arguments.of("registry.example.com:8443/team/app:2.0-rc.1",
                        "registry.example.com:8443/team/app:2.0-rc.1"),
                Arguments.of("nginx@" + DIGEST, "docker.io/library/nginx@" + DIGEST),
                Arguments.of("nginx:1.25@" + DIGEST, "docker.io/library/nginx:1.25@" + DIGEST),
                Arguments.of("Registry.Example.com/team/app:1", "registry.example.com/team/app:1"),
                Arguments.of("  quay.io/prometheus/node-exporter:v1.8.0 ", "quay.io/prometheus/node-exporter:v1.8.0"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("references")
    void shouldNormaliseReferencesWithDockersRules(final String written, final String canonical) {
        assertThat(ImageRef.parse(written)).hasValueSatisfying(r -> assertThat(r.canonical()).isEqualTo(canonical));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "  ", "{{ .Values.image }}", "${IMAGE}", "nginx:1 .25", "Nginx/App:1",
        "nginx@sha256:xyz", "nginx:-bad", "nginx@md5"})
    void shouldRefuseTextThatIsNoReference(final String text) {
        assertThat(ImageRef.parse(text)).isEmpty();
    }

    @Test
    void shouldMatchReportNamesByDigestWhenBothSidesHaveOneElseByTag() {
        ImageRef tagged = ImageRef.parse("nginx:1.25").orElseThrow();
        ImageRef pinned = ImageRef.parse("nginx:1.25@" + DIGEST).orElseThrow();
        List<ImageRef> report = Stream.of("nginx:1.25", "nginx@" + DIGEST)
                .map(n -> ImageRef.parse(n).orElseThrow()).toList();
        assertThat(tagged.matchesAny(report)).isTrue();
        assertThat(pinned.matchesAny(report)).isTrue();
        ImageRef otherBuild = ImageRef.parse("nginx:1.25@sha256:" + "f".repeat(64)).orElseThrow();
        assertThat(otherBuild.matchesAny(report)).as("the digest decides").isFalse();
        List<ImageRef> tarScan = List.of(ImageRef.parse("docker.io/library/nginx:1.25").orElseThrow());
        assertThat(otherBuild.matchesAny(tarScan)).as("no digest in the report: the tag decides").isTrue();
        assertThat(ImageRef.parse("nginx:1.26").orElseThrow().matchesAny(report)).isFalse();
        assertThat(ImageRef.parse("ghcr.io/library/nginx:1.25").orElseThrow().matchesAny(report)).isFalse();
        assertThat(tagged.sameImage(ImageRef.parse("index.docker.io/library/nginx:1.25").orElseThrow())).isTrue();
        assertThat(tagged.isPinned()).isFalse();
        assertThat(pinned.name()).isEqualTo("docker.io/library/nginx");
    }
}
