package io.k8sgate.helm;

import static io.k8sgate.helm.Charts.id;
import static io.k8sgate.helm.Charts.ids;
import static io.k8sgate.helm.Charts.object;
import static io.k8sgate.helm.Charts.render;
import static io.k8sgate.helm.Charts.request;
import static io.k8sgate.helm.Charts.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8sgate.core.input.render.ChartRequest;
import io.k8sgate.core.input.render.HelmRenderer;
import io.k8sgate.core.input.render.RenderException;
import io.k8sgate.core.input.render.RenderedChart;
import io.k8sgate.core.input.render.RenderedTemplate;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessHelmRendererTest {
    @Test
    void shouldBeTheRendererTheEngineFinds() {
        assertThat(HelmRenderer.installed()).get().isInstanceOf(InProcessHelmRenderer.class);
    }

    @Test
    void shouldRenderEveryObjectOfTheChartAndItsVendoredSubcharts() {
        RenderedChart chart = render("helm/web");

        assertThat(chart.name()).isEqualTo("web");
        assertThat(chart.version()).isEqualTo("1.2.0");
        assertThat(chart.request().releaseName()).isEqualTo("rel");
        assertThat(ids(chart)).containsExactlyInAnyOrder(
                "ServiceAccount/rel-web", "ConfigMap/rel-web-config", "Service/rel-web", "Deployment/rel-web",
                // hooks
                "ServiceAccount/rel-web-migrate", "Role/rel-web-migrate", "RoleBinding/rel-web-migrate",
                "Job/rel-web-migrate", "Pod/rel-web-test-connection",
                // charts/metrics/ (a folder)
                "DaemonSet/rel-metrics",
                // charts/cache-0.3.0.tgz (an archive)
                "StatefulSet/rel-cache", "ConfigMap/rel-cache-settings", "Job/rel-cache-warmup");
        assertThat(chart.templates()).extracting(RenderedTemplate::source).contains("templates/deployment.yaml",
                "charts/metrics/templates/daemonset.yaml", "charts/cache/templates/statefulset.yaml",
                "charts/cache/templates/configmap-with-a-deliberately-long-file-name-so-that-the-archive-needs-an-"
                        + "extended-header.yaml")
                .noneMatch(source -> source.endsWith("NOTES.txt") || source.contains("_helpers"));
    }

    @Test
    void shouldRenderHooksWithTheOtherObjectsAndFlagThem() {
        RenderedChart chart = render("helm/web");

        RenderedTemplate job = object(chart, "Job", "rel-web-migrate");
        assertThat(job.hook()).isTrue();
        assertThat(job.source()).isEqualTo("templates/migrate-hook.yaml");
        assertThat(job.text()).contains("\"helm.sh/hook\": pre-install,pre-upgrade", "privileged: true",
                "\"helm.sh/hook-delete-policy\": before-hook-creation");
        assertThat(List.of(object(chart, "Role", "rel-web-migrate"), object(chart, "RoleBinding", "rel-web-migrate"),
                object(chart, "ServiceAccount", "rel-web-migrate"), object(chart, "Pod", "rel-web-test-connection"),
                object(chart, "Job", "rel-cache-warmup"))).allMatch(RenderedTemplate::hook);
        assertThat(List.of(object(chart, "Deployment", "rel-web"), object(chart, "ServiceAccount", "rel-web"),
                object(chart, "StatefulSet", "rel-cache"))).noneMatch(RenderedTemplate::hook);
        assertThat(chart.templates()).extracting(RenderedTemplate::text)
                .noneMatch(text -> text.contains(ChartWorkspace.HOOK_STAND_IN));
    }

    @Test
    void shouldApplyValuesFilesInOrderThenSetValues() {
        RenderedChart chart = render("helm/web", List.of("values-prod.yaml", "values-debug.yaml"),
                List.of("replicaCount=7", "image.tag=2.1.0"));

        Map<?, ?> deployment = yaml(object(chart, "Deployment", "rel-web"));
        Map<?, ?> spec = (Map<?, ?>) deployment.get("spec");
        assertThat(spec.get("replicas")).isEqualTo(7);
        Map<?, ?> pod = (Map<?, ?>) ((Map<?, ?>) spec.get("template")).get("spec");
        List<?> containers = (List<?>) pod.get("containers");
        Map<?, ?> web = (Map<?, ?>) containers.get(0);
        assertThat(web.get("image")).isEqualTo("registry.example.com/shop/web:2.1.0");
        assertThat(((Map<?, ?>) web.get("securityContext")).get("readOnlyRootFilesystem")).isEqualTo(false);
        assertThat(web.get("env").toString()).contains("value=debug");
        assertThat(containers).hasSize(2);
        assertThat(pod.get("nodeSelector")).isEqualTo(Map.of("pool", "web"));
    }

    @Test
    void shouldLetTheLastValuesFileWin() {
        Map<?, ?> debugLast = container(render("helm/web", List.of("values-prod.yaml", "values-debug.yaml"),
                List.of()));
        Map<?, ?> prodLast = container(render("helm/web", List.of("values-debug.yaml", "values-prod.yaml"),
                List.of()));

        assertThat(debugLast.get("image")).isEqualTo(prodLast.get("image"))
                .isEqualTo("registry.example.com/shop/web:2.0.0");
        assertThat(render("helm/web", List.of("values-prod.yaml"), List.of("image.tag=9.9.9")).templates().stream()
                .anyMatch(t -> t.text().contains("web:9.9.9"))).isTrue();
    }

    @Test
    void shouldReadSetValuesAsHelmsCommandLineDoes() {
        RenderedChart chart = render("helm/web", List.of(), List.of("replicaCount=3", "replicaCount=1000000",
                "env.FEATURE_FLAGS=a\\,b,env.LOG_LEVEL=warn", "extraArgs={--verbose,--port=8080}",
                "podAnnotations.example\\.com/owner=team-web"));

        RenderedTemplate deployment = object(chart, "Deployment", "rel-web");
        assertThat(deployment.text()).contains("replicas: 1000000", "value: \"a,b\"", "value: \"warn\"",
                "example.com/owner: team-web", "- --verbose", "- --port=8080");
    }

    @Test
    void shouldDropSubchartsWhoseConditionIsOff() {
        RenderedChart chart = render("helm/web", List.of(), List.of("cache.enabled=false", "metrics.enabled=false",
                "migrations.enabled=false"));

        assertThat(ids(chart)).containsExactlyInAnyOrder("ServiceAccount/rel-web", "ConfigMap/rel-web-config",
                "Service/rel-web", "Deployment/rel-web", "Pod/rel-web-test-connection");
    }

    @Test
    void shouldUseReleaseNameAndNamespace() {
        RenderedChart chart = new InProcessHelmRenderer().render(new ChartRequest(Fixtures.path("helm/web"),
                "checkout", "payments", List.of(), List.of(), Charts.KUBE));

        assertThat(ids(chart)).contains("Deployment/checkout-web", "Job/checkout-web-migrate");
        assertThat(object(chart, "RoleBinding", "checkout-web-migrate").text()).contains("namespace: payments");
        assertThat(object(chart, "ConfigMap", "checkout-web-config").text())
                .contains("greeting: hello checkout", "namespace: payments");
    }

    @Test
    void shouldRenderForTheRequestedKubernetesVersion() {
        RenderedChart chart = new InProcessHelmRenderer().render(new ChartRequest(Fixtures.path("helm/newer-kube"),
                "rel", "shop", List.of(), List.of(), "1.40"));

        assertThat(chart.templates()).singleElement().extracting(RenderedTemplate::text).asString()
                .contains("kube: \"v1.40.0\"");
    }

    @Test
    void shouldNameChartYamlAndThePolicySettingWhenTheChartNeedsNewerKubernetes() {
        assertThatThrownBy(() -> render("helm/newer-kube")).isInstanceOfSatisfying(RenderException.class, e -> {
            assertThat(e.location().file()).isEqualTo(Fixtures.path("helm/newer-kube/Chart.yaml").toString());
            assertThat(e.location().line()).isEqualTo(5);
            assertThat(e.getMessage()).contains(">=1.40.0-0", "v1.33.0", "targetKubernetesVersion");
        });
        assertThatThrownBy(() -> new InProcessHelmRenderer().render(new ChartRequest(Fixtures.path("helm/web"), "rel",
                "shop", List.of(), List.of(), "1.24"))).isInstanceOf(RenderException.class)
                .hasMessageContaining(">=1.25.0-0");
    }

    @Test
    void shouldRefuseToRenderForNoKubernetesVersion() {
        assertThatThrownBy(() -> new InProcessHelmRenderer().render(new ChartRequest(Fixtures.path("helm/web"), "rel",
                "shop", List.of(), List.of(), " "))).isInstanceOf(RenderException.class)
                .hasMessageContaining("targetKubernetesVersion");
    }

    @Test
    void shouldAnswerLookupWithNothingAsHelmTemplateDoesWithoutAskingACluster() {
        // without the rewrite, lookup would ask the kubeconfig's cluster (here: none, so rendering would fail)
        RenderedTemplate config = object(render("helm/web"), "ConfigMap", "rel-web-config");

        assertThat(config.text()).contains("previous: \"none\"").doesNotContain(ChartWorkspace.LOOKUP_STAND_IN);
    }

    @Test
    void shouldKeepNonAsciiTextIntact() {
        assertThat(object(render("helm/web"), "Deployment", "rel-web").text())
                .contains("description: Überwachung – ウェブ");
    }

    @Test
    void shouldNeverChangeTheUsersFiles() throws IOException {
        Path chart = Fixtures.path("helm/web");
        Map<Path, String> before = snapshot(chart);

        render("helm/web", List.of("values-prod.yaml"), List.of("extraArgs={a,b}"));

        assertThat(snapshot(chart)).isEqualTo(before);
    }

    @Test
    void shouldRenderTheSameChartFromSeveralThreads() throws Exception {
        String expected = texts(render("helm/web"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = IntStream.range(0, 8)
                    .mapToObj(i -> pool.submit(() -> texts(render("helm/web")))).toList();
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRefuseADirectoryWithoutChartYaml(@TempDir final Path dir) {
        assertThatThrownBy(() -> new InProcessHelmRenderer().render(new ChartRequest(dir, "rel", "shop", List.of(),
                List.of(), Charts.KUBE))).isInstanceOfSatisfying(RenderException.class, e -> {
                    assertThat(e.location().file()).isEqualTo(dir.toString());
                    assertThat(e.getMessage()).contains("no Chart.yaml");
                });
    }

    @Test
    void shouldNameAValuesFileThatDoesNotExist() {
        ChartRequest request = request("helm/web", List.of("values-staging.yaml"), List.of());

        assertThatThrownBy(() -> new InProcessHelmRenderer().render(request))
                .isInstanceOfSatisfying(RenderException.class, e -> assertThat(e.location().file())
                        .endsWith("values-staging.yaml"))
                .hasMessageContaining("does not exist");
    }

    @Test
    void shouldNameTheLineOfABrokenValuesFile(@TempDir final Path dir) throws IOException {
        Path values = dir.resolve("broken values.yaml");
        Files.writeString(values, "replicaCount: 2\nimage:\n  tag: [unclosed\n");
        ChartRequest request = new ChartRequest(Fixtures.path("helm/web"), "rel", "shop", List.of(values), List.of(),
                Charts.KUBE);

        assertThatThrownBy(() -> new InProcessHelmRenderer().render(request))
                .isInstanceOfSatisfying(RenderException.class, e -> {
                    assertThat(e.location().file()).isEqualTo(values.toString());
                    assertThat(e.location().line()).isPositive();
                    assertThat(e.getMessage()).contains(values.toString()).doesNotContain("k8sgate-chart");
                });
    }

    @Test
    void shouldRefuseASetValueWithoutValue() {
        assertThatThrownBy(() -> render("helm/web", List.of(), List.of("replicaCount")))
                .isInstanceOf(RenderException.class).hasMessageContaining("\"replicaCount\" has no value");
    }

    private static Map<?, ?> container(final RenderedChart chart) {
        Map<?, ?> spec = (Map<?, ?>) yaml(object(chart, "Deployment", "rel-web")).get("spec");
        Map<?, ?> pod = (Map<?, ?>) ((Map<?, ?>) spec.get("template")).get("spec");
        return (Map<?, ?>) ((List<?>) pod.get("containers")).get(0);
    }

    private static String texts(final RenderedChart chart) {
        return chart.templates().stream().map(t -> id(t) + t.hook() + "\n" + t.text())
                .collect(Collectors.joining("\n"));
    }

    private static Map<Path, String> snapshot(final Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toMap(p -> p, p -> {
                try {
                    return new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }
}
