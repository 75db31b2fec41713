package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.model.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a field of a kustomization's output is led back to the place that decides it: patch operations and fragments
 * selected by their targets (group, version, name patterns, namespaces, label and annotation selectors), image rules,
 * the namespace, generators, and base documents (Lists included). The rendered objects are written here by hand, as
 * Kustomize would print them, so that no Kustomize is needed.
 */
class KustomizeOriginsTest {
    private static final String RENDERED = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: prod-web
              namespace: shop
              labels: {app: web, tier: front}
              annotations: {team: storefront}
            spec:
              template:
                spec:
                  containers:
                    - name: web
                      image: registry.example.com/nginx:1.27
                    - name: sidecar
                      image: busybox
                      securityContext: {privileged: true}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: prod-worker
              namespace: shop
              labels: {app: worker, tier: back}
            spec:
              template:
                spec:
                  hostNetwork: true
                  containers:
                    - name: worker
                      image: registry.example.com/worker:2.0
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: prod-web
              namespace: shop
            spec:
              ports:
                - port: 80
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: prod-settings-9f5m7kgfhg
              namespace: shop
            """;

    @TempDir
    Path dir;

    private KustomizeOrigins origins;
    private List<K8sObject> objects;

    private void write(final String relative, final String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @BeforeEach
    void tree() throws IOException {
        write("base/kustomization.yaml", """
                resources: [deploy.yaml, list.yaml]
                configMapGenerator:
                  - name: settings
                    literals: [mode=fast]
                images:
                  - name: nginx
                    newName: registry.example.com/nginx
                    newTag: "1.27"
                """);
        write("base/deploy.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          image: nginx
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: worker
                spec:
                  template:
                    spec:
                      containers:
                        - name: worker
                          image: registry.example.com/worker:2.0
                """);
        write("base/list.yaml", """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: Service
                    metadata:
                      name: web
                    spec:
                      ports:
                        - port: 80
                """);
        write("overlay/kustomization.yaml", """
                namespace: shop
                namePrefix: prod-
                resources: [../base]
                patches:
                  - path: sidecar.yaml
                    target:
                      group: apps
                      version: v1
                      kind: Deployment
                      name: "prod-w.b"
                      labelSelector: "tier=front,app!=legacy,!deprecated,app"
                      annotationSelector: team
                  - target: {kind: Deployment, namespace: other}
                    patch: |-
                      - op: add
                        path: /spec/template/spec/hostPID
                        value: true
                  - target: {kind: Deployment, labelSelector: "tier in (front)"}
                    patch: |-
                      - op: replace
                        path: /spec/template/spec/containers/0/name
                        value: web
                  - patch: |-
                      apiVersion: apps/v1
                      kind: Deployment
                      metadata:
                        name: worker
                      spec:
                        template:
                          spec:
                            hostNetwork: true
                """);
        write("overlay/sidecar.yaml", """
                - op: add
                  path: /spec/template/spec/containers/-
                  value:
                    name: sidecar
                    image: busybox
                    securityContext:
                      privileged: true
                """);
        Path base = dir.toRealPath();
        YamlParser parser = new YamlParser(LoaderLimits.DEFAULT);
        KustomizationGraph graph = KustomizationGraph.of(List.of(base.resolve("overlay")), parser,
                p -> InputWalker.display(base, p), d -> { });
        origins = new KustomizeOrigins(graph, base.resolve("overlay"), parser, p -> InputWalker.display(base, p),
                Location.ofFile("overlay/kustomization.yaml"));
        objects = new ManifestLoader().parse("overlay (kustomize build)", RENDERED, d -> { });
    }

    private KustomizeOrigins.Origin from(final String file) throws IOException {
        return new KustomizeOrigins.Origin(Optional.of(dir.toRealPath().resolve(file)), Optional.empty(), "", "");
    }

    private String at(final int object, final String origin, final String fieldPath) throws IOException {
        return origins.locate(objects.get(object), from(origin), fieldPath).toString();
    }

    @Test
    void shouldFollowAJsonPatchIntoTheValueItAdds() throws IOException {
        assertThat(at(0, "base/deploy.yaml", "spec.template.spec.containers[1].securityContext.privileged"))
                .isEqualTo("overlay/sidecar.yaml:7");
        assertThat(at(0, "base/deploy.yaml", "spec.template.spec.containers[1]")).isEqualTo("overlay/sidecar.yaml:1");
    }

    @Test
    void shouldPlaceAnImageAtTheRuleThatSetItAndANamespaceAtTheKustomizationThatSetsIt() throws IOException {
        assertThat(at(0, "base/deploy.yaml", "spec.template.spec.containers[0].image"))
                .isEqualTo("base/kustomization.yaml:8");
        assertThat(at(0, "base/deploy.yaml", "metadata.namespace")).isEqualTo("overlay/kustomization.yaml:1");
        assertThat(at(1, "base/deploy.yaml", "spec.template.spec.containers[0].image"))
                .isEqualTo("base/deploy.yaml:21");
    }

    @Test
    void shouldApplyAFragmentOnlyToTheObjectItNames() throws IOException {
        assertThat(at(1, "base/deploy.yaml", "spec.template.spec.hostNetwork"))
                .isEqualTo("overlay/kustomization.yaml:31");
        assertThat(at(0, "base/deploy.yaml", "spec.template.spec.hostNetwork")).isEqualTo("base/deploy.yaml:7");
    }

    @Test
    void shouldLeaveOutPatchesWhoseTargetDoesNotSelectTheObject() throws IOException {
        // the worker is tier back: the sidecar patch (name and labels) and the "tier in" patch do not apply to it
        assertThat(at(1, "base/deploy.yaml", "spec.template.spec.containers[0].name"))
                .isEqualTo("base/deploy.yaml:20");
        assertThat(at(0, "base/deploy.yaml", "spec.template.spec.containers[0].name"))
                .isEqualTo("overlay/kustomization.yaml:20");
    }

    @Test
    void shouldFindABaseObjectInsideAList() throws IOException {
        assertThat(at(2, "base/list.yaml", "spec.ports[0].port")).isEqualTo("base/list.yaml:10");
        assertThat(origins.locate(objects.get(2), from("base/list.yaml")).toString()).isEqualTo("base/list.yaml:4");
    }

    @Test
    void shouldPlaceAGeneratedObjectAtItsGenerator() throws IOException {
        KustomizeOrigins.Origin generated = new KustomizeOrigins.Origin(Optional.empty(),
                Optional.of(dir.toRealPath().resolve("base/kustomization.yaml")), "ConfigMapGenerator", "");

        assertThat(origins.locate(objects.get(3), generated).toString()).isEqualTo("base/kustomization.yaml:3");
    }

    @Test
    void shouldFallBackToTheFileOrTheRootWhenTheOriginIsUnknown() throws IOException {
        assertThat(origins.locate(objects.get(0), KustomizeOrigins.Origin.UNKNOWN, "spec").toString())
                .isEqualTo("overlay/kustomization.yaml");
        assertThat(at(3, "base/deploy.yaml", "data")).isEqualTo("base/deploy.yaml");
    }

    @Test
    void shouldJudgeLabelSelectorsAsKubernetesDoes() {
        java.util.Map<String, String> labels = java.util.Map.of("tier", "front", "app", "web");

        assertThat(KustomizeOrigins.selects("tier in (front, back),app notin (legacy)", labels)).isTrue();
        assertThat(KustomizeOrigins.selects("tier notin (front)", labels)).isFalse();
        assertThat(KustomizeOrigins.selects("tier==front,!canary,app", labels)).isTrue();
        assertThat(KustomizeOrigins.selects("app!=web", labels)).isFalse();
        assertThat(KustomizeOrigins.selects("!app", labels)).isFalse();
        assertThat(KustomizeOrigins.selects("release", labels)).isFalse();
        assertThat(KustomizeOrigins.selects(" ", labels)).isTrue();
    }

    @Test
    void shouldReduceAnImageToItsRepository() {
        assertThat(KustomizeOrigins.repository("registry.example.com:5000/shop/web:1.2@sha256:ab"))
                .isEqualTo("registry.example.com:5000/shop/web");
        assertThat(KustomizeOrigins.repository("registry.example.com:5000/shop/web"))
                .isEqualTo("registry.example.com:5000/shop/web");
        assertThat(KustomizeOrigins.repository("nginx:1.27")).isEqualTo("nginx");
    }

    @Test
    void shouldSplitFieldPathsAndPointers() {
        assertThat(FieldPath.parse("metadata.annotations[\"a.b/c\"]")).extracting(FieldPath.Segment::key)
                .containsExactly("metadata", "annotations", "a.b/c");
        assertThat(FieldPath.parse("spec.containers[name=web].image")).extracting(FieldPath.Segment::index)
                .containsExactly(-1, -1, -1, -1);
        assertThat(FieldPath.parse("spec.containers[x")).hasSize(2);
        assertThat(FieldPath.pointer("/metadata/annotations/a.b~1c/-")).extracting(FieldPath.Segment::key)
                .containsExactly("metadata", "annotations", "a.b/c", null);
        assertThat(FieldPath.isPrefix(FieldPath.pointer("/spec/containers/-"), FieldPath.parse("spec.containers[3]")))
                .isTrue();
        assertThat(FieldPath.isPrefix(FieldPath.pointer("/spec/containers/1"), FieldPath.parse("spec.containers[3]")))
                .isFalse();
        assertThat(FieldPath.isPrefix(FieldPath.pointer("/spec/containers"), FieldPath.parse("spec"))).isFalse();
    }
}
