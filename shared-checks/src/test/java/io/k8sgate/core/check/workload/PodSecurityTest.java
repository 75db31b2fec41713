package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodSecurityTest {
    private static Workload workload(final String yaml) {
        List<Diagnostic> problems = new ArrayList<>();
        List<K8sObject> objects = new ManifestLoader().parse("t.yaml", yaml, problems::add);
        assertThat(problems).isEmpty();
        return Workload.of(objects.get(0)).orElseThrow();
    }

    private static YamlNode container(final String securityContext) {
        return workload("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers: [{name: app, image: "app:1", securityContext: %s}]
                """.formatted(securityContext)).containers().get(0).securityContext();
    }

    @Test
    void shouldShortenLongValuesAndNameTheShapeOfOthers() {
        YamlNode context = container("{seLinuxOptions: {type: %s}, capabilities: {add: [{name: x}]}}"
                .formatted("t".repeat(100)));
        assertThat(PodSecurity.value(context.path("seLinuxOptions", "type"))).isEqualTo("'" + "t".repeat(80) + "...'");
        assertThat(PodSecurity.value(context.path("capabilities", "add").at(0))).isEqualTo("map");
        assertThat(PodSecurity.value(context.get("runAsUser"))).isEqualTo("unset");
    }

    @Test
    void shouldSayThatAQuotedBooleanIsAString() {
        YamlNode context = container("{runAsNonRoot: \"true\", privileged: false}");
        assertThat(PodSecurity.booleanValue(context.get("runAsNonRoot"))).isEqualTo("'true' (a string, not a boolean)");
        assertThat(PodSecurity.booleanValue(context.get("privileged"))).isEqualTo("'false'");
    }

    @Test
    void shouldTreatOnlyTheBooleanFalseAsAUserNamespace() {
        String pod = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  hostUsers: %s
                  containers: [{name: app, image: "app:1"}]
                """;
        assertThat(PodSecurity.isUserNamespaced(workload(pod.formatted("false")))).isTrue();
        assertThat(PodSecurity.isUserNamespaced(workload(pod.formatted("\"false\"")))).isFalse();
        assertThat(PodSecurity.isUserNamespaced(workload(pod.formatted("true")))).isFalse();
        assertThat(PodSecurity.relaxedForUserNamespace(workload(pod.formatted("false")),
                Targets.v1(34).targetKubernetesVersion())).isFalse();
    }
}
