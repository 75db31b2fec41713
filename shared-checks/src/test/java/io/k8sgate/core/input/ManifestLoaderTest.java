package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestLoaderTest {
    private final ManifestLoader loader = new ManifestLoader();

    private LoadResult loadFixture(final String relative) {
        return loader.load(Fixtures.root(), List.of(relative));
    }

    private static List<String> codes(final LoadResult r) {
        return r.diagnostics().stream().map(Diagnostic::code).toList();
    }

    @Test
    void shouldReportMalformedYamlWithFileAndLine() {
        LoadResult r = loadFixture("invalid/malformed.yaml");
        assertThat(r.objects()).isEmpty();
        Diagnostic d = r.diagnostics().get(0);
        assertThat(d.code()).isEqualTo("yaml-syntax");
        assertThat(d.isError()).isTrue();
        assertThat(d.location().file()).isEqualTo("invalid/malformed.yaml");
        assertThat(d.location().line()).isBetween(8, 9);
        assertThat(codes(r)).contains("no-objects");
    }

    @Test
    void shouldKeepTheOtherDocumentsWhenOneDocumentIsBroken() {
        LoadResult r = loadFixture("invalid/multi-doc-one-broken.yaml");
        assertThat(r.objects()).extracting(K8sObject::name).containsExactly("first", "third");
        assertThat(r.objects().get(1).document()).isEqualTo(3);
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("yaml-syntax");
            assertThat(d.message()).contains("document 2");
            assertThat(d.location().line()).isBetween(12, 13);
        });
        K8sObject pod = r.objects().get(1);
        assertThat(pod.root().path("spec", "containers").at(0).path("securityContext", "privileged").location()
                .line()).isEqualTo(23);
    }

    @Test
    void shouldRefuseAnAliasExpansionBombWithoutExpandingIt() {
        LoadResult r = loadFixture("invalid/billion-laughs.yaml");
        assertThat(r.objects()).isEmpty();
        assertThat(r.diagnostics().get(0).code()).isEqualTo("size-limit");
        assertThat(r.diagnostics().get(0).message()).contains("alias-expansion bomb");
    }

    @Test
    void shouldRefuseDeepNestingByALimit() {
        String deep = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n  x: " + "[".repeat(50_000)
                + "]".repeat(50_000) + "\n";
        List<Diagnostic> problems = new ArrayList<>();
        assertThat(loader.parse("deep.yaml", deep, problems::add)).isEmpty();
        assertThat(problems).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("depth-limit");
            assertThat(d.location().line()).isEqualTo(5);
        });
    }

    @Test
    void shouldRefuseADocumentOverTheSizeLimit() {
        ManifestLoader small = new ManifestLoader(new LoaderLimits(1 << 20, 200, 100, 10_000, 10));
        List<Diagnostic> problems = new ArrayList<>();
        String doc = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  x: \"" + "a".repeat(500)
                + "\"\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n";
        assertThat(small.parse("big.yaml", doc, problems::add)).extracting(K8sObject::name).containsExactly("ok");
        assertThat(problems).singleElement().satisfies(d -> assertThat(d.code()).isEqualTo("size-limit"));
    }

    @Test
    void shouldRefuseAFileOverTheSizeLimit(@TempDir final Path dir) throws IOException {
        Files.writeString(dir.resolve("big.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"
                + "#".repeat(2000));
        LoadResult r = new ManifestLoader(new LoaderLimits(1000, 1000, 100, 1000, 10)).load(dir, List.of("."));
        assertThat(codes(r)).containsExactly("input-unreadable", "no-objects");
        assertThat(r.diagnostics().get(0).message()).contains("big.yaml").contains("over the limit");
    }

    @Test
    void shouldNameUnrenderedHelmTemplates() {
        LoadResult r = loadFixture("invalid/helm-template.yaml");
        assertThat(r.objects()).isEmpty();
        assertThat(r.diagnostics().get(0)).satisfies(d -> {
            assertThat(d.code()).isEqualTo("helm-template");
            assertThat(d.message()).contains("Unrendered Helm template").contains("helm template");
            assertThat(d.location().line()).isEqualTo(4);
        });
    }

    @Test
    void shouldNameHelmTemplatesThatHappenToParse() {
        LoadResult r = loadFixture("invalid/helm-quoted-template.yaml");
        assertThat(r.objects()).isEmpty();
        assertThat(r.diagnostics().get(0).code()).isEqualTo("helm-template");
        assertThat(r.diagnostics().get(0).location().line()).isEqualTo(4);
    }

    @Test
    void shouldNameATemplateWithPlaceholdersWhereTheApiServerAcceptsNoBraces() {
        LoadResult r = loadFixture("invalid/shell-template.yaml");
        assertThat(r.objects()).extracting(K8sObject::kind).containsExactly("ConfigMap");
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("unrendered-template");
            assertThat(d.location().line()).isEqualTo(6);
            assertThat(d.message()).startsWith("Unrendered template: ").doesNotContain("Helm")
                    .doesNotContain("Chart.yaml");
        });
    }

    @Test
    void shouldNameAShellTemplateThatDoesNotParseWithoutSendingTheUserToHelm() {
        LoadResult r = loadFixture("invalid/shell-template-broken.yaml");
        assertThat(r.objects()).isEmpty();
        assertThat(r.diagnostics().get(0)).satisfies(d -> {
            assertThat(d.code()).isEqualTo("unrendered-template");
            assertThat(d.location().line()).isEqualTo(8);
            assertThat(d.message()).doesNotContain("Helm");
        });
    }

    @Test
    void shouldNotMistakeGoTemplatesInsideConfigDataForHelm() {
        String alerting = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: alerts}
                data:
                  template: "Alert {{ .Labels.alertname }} fired"
                """;
        List<Diagnostic> problems = new ArrayList<>();
        assertThat(loader.parse("alerts.yaml", alerting, problems::add)).hasSize(1);
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldNameAHelmChartDirectory(@TempDir final Path dir) throws IOException {
        Path chart = Files.createDirectories(dir.resolve("chart/templates"));
        Files.writeString(dir.resolve("chart/Chart.yaml"), "apiVersion: v2\nname: demo\nversion: 1.0.0\n");
        Files.writeString(chart.resolve("deployment.yaml"), "kind: Deployment\nname: {{ .Values.name }}\n");
        LoadResult r = loader.load(dir, List.of("."));
        // no renderer is installed beside the engine in its own tests: the chart is named, never read as templates
        assertThat(codes(r)).containsExactly("helm-renderer-missing", "no-objects");
        assertThat(r.diagnostics().get(0).location().file()).isEqualTo("chart/Chart.yaml");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"invalid/not-kubernetes.yaml, apiVersion and kind", "invalid/scalar-document.yaml, not a Kubernetes"})
    void shouldRejectDocumentsThatAreNotKubernetesObjects(final String file, final String message) {
        LoadResult r = loadFixture(file);
        assertThat(r.diagnostics().get(0).code()).isEqualTo("not-kubernetes");
        assertThat(r.diagnostics().get(0).message()).contains(message);
        assertThat(r.diagnostics().get(0).location().file()).isEqualTo(file);
    }

    @Test
    void shouldReportDuplicateKeysAtTheirLine() {
        LoadResult r = loadFixture("invalid/duplicate-key.yaml");
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("yaml-duplicate-key");
            assertThat(d.location().line()).isEqualTo(11);
        });
    }

    @Test
    void shouldFailClosedOnAnEmptyInputSet() {
        LoadResult r = loadFixture("invalid/empty.yaml");
        assertThat(r.objects()).isEmpty();
        assertThat(codes(r)).containsExactly("not-kubernetes", "no-objects");
    }

    @Test
    void shouldUnwrapListsAndKeepPathsRelativeToTheItem() {
        LoadResult r = loadFixture("samples/formats/list.yaml");
        assertThat(r.objects()).extracting(o -> o.ref().display()).containsExactly("Service/shop/web",
                "Deployment/shop/web");
        YamlNode privileged = r.objects().get(1).root().path("spec", "template", "spec", "containers").at(0)
                .path("securityContext", "privileged");
        assertThat(privileged.fieldPath()).isEqualTo("spec.template.spec.containers[0].securityContext.privileged");
        assertThat(privileged.location().line()).isEqualTo(23);
    }

    @Test
    void shouldReadJsonManifestsWithLines() {
        LoadResult r = loadFixture("samples/formats/pod.json");
        assertThat(r.diagnostics()).isEmpty();
        YamlNode privileged = r.objects().get(0).root().path("spec", "containers").at(0)
                .path("securityContext", "privileged");
        assertThat(privileged.isTrue()).isTrue();
        assertThat(privileged.location().line()).isEqualTo(10);
    }

    @Test
    void shouldResolveAliasesAndMergeKeysAtThePlaceOfUse() {
        LoadResult r = loadFixture("samples/formats/anchors.yaml");
        List<YamlNode> containers = r.objects().get(0).root().path("spec", "template", "spec", "containers")
                .elements();
        assertThat(containers).hasSize(2);
        assertThat(containers.get(1).get("name").text("")).isEqualTo("two");
        assertThat(containers.get(1).path("securityContext", "privileged").isTrue()).isTrue();
        assertThat(containers.get(1).path("securityContext", "privileged").fieldPath())
                .isEqualTo("spec.template.spec.containers[1].securityContext.privileged");
    }

    @Test
    void shouldRefusePathsOutsideTheRoot(@TempDir final Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("workspace"));
        Files.writeString(dir.resolve("outside.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        Files.createSymbolicLink(root.resolve("link.yaml"), dir.resolve("outside.yaml"));
        LoadResult r = loader.load(root, List.of("../outside.yaml", "link.yaml", "../*.yaml"));
        assertThat(r.objects()).isEmpty();
        assertThat(codes(r)).containsExactly("path-outside-root", "path-outside-root", "path-outside-root",
                "no-objects");
    }

    @Test
    void shouldExpandGlobsAndWalkDirectoriesRecursively(@TempDir final Path dir) throws IOException {
        Files.createDirectories(dir.resolve("k8s/base"));
        Files.createDirectories(dir.resolve(".git"));
        String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: %s}\n";
        Files.writeString(dir.resolve("k8s/a.yaml"), cm.formatted("a"));
        Files.writeString(dir.resolve("k8s/base/b.yml"), cm.formatted("b"));
        Files.writeString(dir.resolve("k8s/base/c.json"), "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                + "\"metadata\":{\"name\":\"c\"}}");
        Files.writeString(dir.resolve("k8s/base/readme.txt"), "not a manifest");
        Files.writeString(dir.resolve(".git/config.yaml"), "not: read");
        assertThat(loader.load(dir, List.of("k8s")).objects()).extracting(K8sObject::name)
                .containsExactly("a", "b", "c");
        assertThat(loader.load(dir, List.of("k8s/**/*.yml")).objects()).extracting(K8sObject::name)
                .containsExactly("b");
        assertThat(loader.load(dir, List.of(".")).objects()).hasSize(3);
    }

    @Test
    void shouldReportAMissingInput(@TempDir final Path dir) {
        LoadResult r = loader.load(dir, List.of("nope.yaml"));
        assertThat(codes(r)).containsExactly("input-missing", "no-objects");
        assertThat(r.diagnostics().get(0).location().file()).isEqualTo("nope.yaml");
    }

    @Test
    void shouldRejectFilesThatAreNotUtf8(@TempDir final Path dir) throws IOException {
        Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        LoadResult r = loader.load(dir, List.of("latin1.yaml"));
        assertThat(r.diagnostics().get(0).message()).contains("latin1.yaml").contains("not UTF-8");
    }
}
