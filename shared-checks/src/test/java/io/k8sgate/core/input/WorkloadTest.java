package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadTest {
    private static List<K8sObject> load(final String yaml) {
        return new ManifestLoader().parse("w.yaml", yaml, d -> {
            throw new AssertionError(d.toString());
        });
    }

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                metadata: {labels: {app: web}}
                spec:
                  initContainers: [{name: setup, image: busybox}]
                  containers: [{name: app, image: nginx}, {name: proxy, image: envoy}]
                  ephemeralContainers: [{name: debug, image: busybox}]
            """;

    @Test
    void shouldListEveryContainerOnceInitFirstAndKeepTheList() {
        Workload w = Workload.of(load(DEPLOYMENT).get(0)).orElseThrow();

        List<Container> containers = w.containers();

        assertThat(containers).extracting(Container::name).containsExactly("setup", "app", "proxy", "debug");
        assertThat(containers).extracting(Container::type).containsExactly(Container.Type.INIT,
                Container.Type.CONTAINER, Container.Type.CONTAINER, Container.Type.EPHEMERAL);
        assertThat(w.containers()).isSameAs(containers);
        assertThat(containers).allSatisfy(c -> assertThat(c.workload()).isSameAs(w));
    }

    @Test
    void shouldBeEqualForTheSameObjectAndPodSpecification() {
        K8sObject object = load(DEPLOYMENT).get(0);
        Workload first = Workload.of(object).orElseThrow();
        Workload second = Workload.of(object).orElseThrow();
        Workload other = Workload.of(load(DEPLOYMENT).get(0)).orElseThrow();

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second).isNotEqualTo(other).isNotEqualTo("web");
        assertThat(new Workload(object, first.podSpec(), object.metadata())).isNotEqualTo(first);
        assertThat(new Workload(object, object.root(), first.podMetadata())).isNotEqualTo(first);
        assertThat(first).hasToString("Workload[Deployment/shop/web]");
    }
}
