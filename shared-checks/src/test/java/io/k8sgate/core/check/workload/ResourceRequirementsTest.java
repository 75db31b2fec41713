package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.model.Finding;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResourceRequirementsTest {
    static Stream<Arguments> resourceChecks() {
        return Stream.of(
                Arguments.of(new CpuRequestsCheck(), "CPU request", "requests.cpu"),
                Arguments.of(new CpuLimitsCheck(), "CPU limit", "limits.cpu"),
                Arguments.of(new MemoryRequestsCheck(), "memory request", "requests.memory"),
                Arguments.of(new MemoryLimitsCheck(), "memory limit", "limits.memory"));
    }

    private static List<Finding> run(final Check check, final String yaml) {
        return check.evaluate(CheckContext.of(new ManifestLoader().parse("r.yaml", yaml, d -> { }),
                CheckSettings.DEFAULT));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("resourceChecks")
    void shouldNameTheMissingValueAndItsPath(final Check check, final String label, final String path) {
        assertThat(run(check, """
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: shop}
                spec:
                  containers:
                    - name: app
                      image: app:1
                """)).singleElement().satisfies(f -> {
                    assertThat(f.message()).isEqualTo("Container 'app' sets no " + label);
                    assertThat(f.fieldPath()).isEqualTo("spec.containers[0].resources." + path);
                    assertThat(f.location().line()).isEqualTo(6);
                });
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("resourceChecks")
    void shouldAcceptLimitsAloneBecauseKubernetesCopiesThemIntoRequests(final Check check, final String label,
            final String path) {
        assertThat(run(check, """
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: shop}
                spec:
                  containers:
                    - name: app
                      image: app:1
                      resources:
                        limits: {cpu: 500m, memory: 256Mi}
                """)).as("%s", label).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("resourceChecks")
    void shouldTakeDefaultsFromALimitRangeOfTheSameNamespaceOnly(final Check check, final String label,
            final String path) {
        List<Finding> found = run(check, """
                apiVersion: v1
                kind: LimitRange
                metadata: {name: defaults, namespace: shop}
                spec:
                  limits:
                    - type: Container
                      default: {cpu: 500m, memory: 256Mi}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: in-shop, namespace: shop}
                spec:
                  containers: [{name: app, image: "app:1"}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: elsewhere, namespace: other}
                spec:
                  containers: [{name: app, image: "app:1"}]
                """);
        assertThat(found).as("%s", label).singleElement()
                .satisfies(f -> assertThat(f.resource().name()).isEqualTo("elsewhere"));
    }
}
