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
import org.junit.jupiter.params.provider.MethodSource;

class ProbesTest {
    static Stream<Check> probeChecks() {
        return Stream.of(new LivenessProbeCheck(), new ReadinessProbeCheck());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("probeChecks")
    void shouldAskOnlyRegularContainersOfLongRunningPods(final Check check) {
        List<Finding> found = check.evaluate(CheckContext.of(new ManifestLoader().parse("probes.yaml", """
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata: {name: rs, namespace: shop}
                spec:
                  template:
                    spec:
                      initContainers:
                        - {name: init, image: "init:1"}
                      containers:
                        - {name: app, image: "app:1"}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: once, namespace: shop}
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - {name: app, image: "app:1"}
                """, d -> { }), CheckSettings.DEFAULT));
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.resource().display()).isEqualTo("ReplicaSet/shop/rs");
            assertThat(f.container()).isEqualTo("app");
            assertThat(f.checkId()).isEqualTo(check.metadata().id());
        });
    }
}
