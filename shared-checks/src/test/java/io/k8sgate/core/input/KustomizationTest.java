package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.k8sgate.core.model.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a kustomization file uses and changes, for every field that names a file, and the graph over several. */
class KustomizationTest {
    @TempDir
    Path dir;

    private void write(final String relative, final String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private KustomizationGraph graph(final String... dirs) throws IOException {
        Path base = dir.toRealPath();
        List<Path> roots = new ArrayList<>();
        for (String d : dirs) {
            roots.add(base.resolve(d));
        }
        return KustomizationGraph.of(roots, new YamlParser(LoaderLimits.DEFAULT), p -> InputWalker.display(base, p),
                d -> { });
    }

    @Test
    void shouldKnowEveryFileAKustomizationUses() throws IOException {
        write("app/kustomization.yaml", """
                bases: [../base]
                resources:
                  - deploy.yaml
                  - https://github.com/example/repo//manifests?ref=v1
                  - github.com/example/other/deploy
                crds: [crd.yaml]
                configurations: [names.yaml]
                generators: [gen.yaml]
                transformers:
                  - |
                    apiVersion: builtin
                    kind: LabelTransformer
                replacements:
                  - path: replacements.yaml
                openapi:
                  path: schema.json
                helmCharts:
                  - name: redis
                patchesStrategicMerge:
                  - sm.yaml
                  - |-
                    apiVersion: v1
                    kind: Service
                    metadata:
                      name: web
                patchesJson6902:
                  - target: {kind: Service, name: web}
                    path: ops.yaml
                configMapGenerator:
                  - name: settings
                    files: [app.properties, key=other.properties]
                    envs: [app.env]
                secretGenerator:
                  - name: creds
                    env: creds.env
                images:
                  - name: nginx
                    digest: sha256:ab
                """);
        write("base/kustomization.yaml", "kind: Component\nresources: []\n");
        write("app/charts/redis/Chart.yaml", "apiVersion: v2\nname: redis\nversion: 1.0.0\n");
        write("app/ops.yaml", "- op: remove\n  path: /spec/type\n");

        KustomizationGraph graph = graph("app");
        Kustomization k = graph.get(dir.toRealPath().resolve("app")).orElseThrow();

        assertThat(k.remote()).containsExactly("https://github.com/example/repo//manifests?ref=v1",
                "github.com/example/other/deploy");
        assertThat(k.references()).extracting(r -> r.path().getFileName().toString(), Kustomization.Reference::use)
                .containsExactlyInAnyOrder(tuple("base", Kustomization.Use.RESOURCE),
                        tuple("deploy.yaml", Kustomization.Use.RESOURCE),
                        tuple("crd.yaml", Kustomization.Use.CONFIGURATION),
                        tuple("names.yaml", Kustomization.Use.CONFIGURATION),
                        tuple("gen.yaml", Kustomization.Use.CONFIGURATION),
                        tuple("replacements.yaml", Kustomization.Use.CONFIGURATION),
                        tuple("schema.json", Kustomization.Use.CONFIGURATION),
                        tuple("charts", Kustomization.Use.CONFIGURATION),
                        tuple("sm.yaml", Kustomization.Use.PATCH), tuple("ops.yaml", Kustomization.Use.PATCH),
                        tuple("app.properties", Kustomization.Use.GENERATOR_INPUT),
                        tuple("other.properties", Kustomization.Use.GENERATOR_INPUT),
                        tuple("app.env", Kustomization.Use.GENERATOR_INPUT),
                        tuple("creds.env", Kustomization.Use.GENERATOR_INPUT));
        assertThat(k.patches()).extracting(Kustomization.Patch::json6902, p -> p.documents().size())
                .containsExactly(tuple(false, 1), tuple(true, 1));
        assertThat(k.generators()).extracting(Kustomization.Generator::kind, Kustomization.Generator::name)
                .containsExactly(tuple("ConfigMap", "settings"), tuple("Secret", "creds"));
        assertThat(k.images()).singleElement().satisfies(i -> assertThat(i.location().line()).isEqualTo(38));
        assertThat(graph.isReferenced(dir.toRealPath().resolve("base"))).isTrue();
        assertThat(graph.get(dir.toRealPath().resolve("base")).orElseThrow().isComponent()).isTrue();
        // the chart home is read as a whole: every file in it is used
        assertThat(graph.isUsed(dir.toRealPath().resolve("app/charts/redis/Chart.yaml"))).isTrue();
        assertThat(graph.usesAnythingIn(dir.toRealPath().resolve("app/charts/redis"))).isTrue();
        assertThat(graph.isUsed(dir.toRealPath().resolve("app/unused.yaml"))).isFalse();
        assertThat(graph.filesOf(dir.toRealPath().resolve("app"))).extracting(p -> p.getFileName().toString())
                .contains("kustomization.yaml", "deploy.yaml", "ops.yaml");
    }

    @Test
    void shouldReportAKustomizationFileThatIsNotAMapping() throws IOException {
        write("empty/kustomization.yaml", "# nothing yet\n");
        write("list/kustomization.yaml", "- resources\n");
        List<Diagnostic> problems = new ArrayList<>();
        Path base = dir.toRealPath();

        KustomizationGraph graph = KustomizationGraph.of(List.of(base.resolve("empty"), base.resolve("list"),
                base.resolve("none")), new YamlParser(LoaderLimits.DEFAULT), p -> InputWalker.display(base, p),
                problems::add);

        assertThat(graph.get(base.resolve("empty"))).isEmpty();
        assertThat(problems).extracting(d -> d.location().file(), Diagnostic::message).containsExactly(
                tuple("empty/kustomization.yaml", "The kustomization file is empty or not a mapping"),
                tuple("list/kustomization.yaml", "The kustomization file is empty or not a mapping"));
    }
}
