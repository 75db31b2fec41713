package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.model.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadinessProbeCheckTest extends AbstractCheckTest {
    private static final String UNSELECTED = """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              selector: {app: web}
              ports: [{port: 80}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: "web:1"}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: worker, namespace: shop}
            spec:
              template:
                metadata: {labels: {app: worker}}
                spec:
                  containers: [{name: worker, image: "worker:1"}]
            """;

    @Override
    protected Check check() {
        return new ReadinessProbeCheck();
    }

    @Test
    void shouldNameTheServiceThatSendsThePodTraffic() {
        assertThat(evaluate(check(), UNSELECTED)).singleElement().satisfies(f -> {
            assertThat(f.resource().display()).isEqualTo("Deployment/shop/web");
            assertThat(f.message()).isEqualTo("Container 'web' has no readiness probe, and Service 'web' sends its "
                    + "pod traffic");
        });
    }

    @Test
    void shouldAskEveryLongRunningWorkloadWhenTheInputsHoldNoService() {
        String withoutService = UNSELECTED.substring(UNSELECTED.indexOf("---") + 4);
        assertThat(evaluate(check(), withoutService)).extracting(f -> f.resource().name())
                .containsExactly("web", "worker");
    }

    @Test
    void shouldStillAskForLivenessOnPodsNoServiceSelects() {
        // a hung container is restarted only by its own liveness probe, whether or not it serves a Service
        assertThat(evaluate(new LivenessProbeCheck(), UNSELECTED)).extracting(f -> f.resource().name())
                .containsExactly("web", "worker");
    }

    private static List<Finding> evaluate(final Check check, final String yaml) {
        return check.evaluate(CheckContext.of(new ManifestLoader().parse("probes.yaml", yaml, d -> { }),
                CheckSettings.DEFAULT));
    }
}
