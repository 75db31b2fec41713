package io.k8sgate.helm;

import static io.k8sgate.helm.Charts.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8sgate.core.input.render.ChartRequest;
import io.k8sgate.core.input.render.RenderException;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Charts that cannot be rendered: each error names the file, the line where Helm knows it, and the fix. */
class RenderErrorTest {
    @Test
    void shouldNameTheDependencyThatIsNotVendoredAndTheFix() {
        Path chart = Fixtures.path("helm/missing-dependency");

        assertThatThrownBy(() -> render("helm/missing-dependency")).isInstanceOfSatisfying(RenderException.class,
                e -> {
                    assertThat(e.location().file()).isEqualTo(chart.resolve("Chart.yaml").toString());
                    assertThat(e.location().line()).isEqualTo(10);
                    assertThat(e.getMessage()).contains("'postgresql'", "15.5.0", "https://charts.example.invalid/stable",
                            "helm dependency build " + chart, "charts/").doesNotContain("'common'");
                });
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"http://127.0.0.1:%d/stable", "oci://127.0.0.1:%d/charts", "https://127.0.0.1:%d/x"})
    void shouldNeverConnectToTheRepositoryOfAMissingDependency(final String repository, @TempDir final Path dir)
            throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path chart = copy(Fixtures.path("helm/missing-dependency"), dir.resolve("orders"));
            Path chartYaml = chart.resolve("Chart.yaml");
            Files.writeString(chartYaml, Files.readString(chartYaml).replace("https://charts.example.invalid/stable",
                    repository.formatted(server.getLocalPort())));
            ChartRequest request = new ChartRequest(chart, "rel", "shop", List.of(), List.of(), Charts.KUBE);

            assertThatThrownBy(() -> new InProcessHelmRenderer().render(request))
                    .isInstanceOf(RenderException.class).hasMessageContaining("'postgresql'")
                    .hasMessageContaining("helm dependency build");

            server.setSoTimeout(500);
            assertThatThrownBy(server::accept).as("a connection to the dependency's repository")
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void shouldNameTheTemplateLineOfAFailCall() {
        assertThatThrownBy(() -> render("helm/template-errors", List.of(), List.of("failNow=true")))
                .isInstanceOfSatisfying(RenderException.class, e -> {
                    assertThat(e.location().file())
                            .isEqualTo(Fixtures.path("helm/template-errors/templates/guard.yaml").toString());
                    assertThat(e.location().line()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("failNow is set: this configuration is not supported");
                });
    }

    @Test
    void shouldNameTheTemplateLineOfAMissingRequiredValue() {
        assertThatThrownBy(() -> render("helm/template-errors", List.of(), List.of("endpoint=null")))
                .isInstanceOfSatisfying(RenderException.class, e -> {
                    assertThat(e.location().file())
                            .isEqualTo(Fixtures.path("helm/template-errors/templates/required.yaml").toString());
                    assertThat(e.location().line()).isEqualTo(6);
                    assertThat(e.location().column()).isPositive();
                    assertThat(e.getMessage()).contains("endpoint is required");
                });
    }

    @Test
    void shouldTraceInvalidRenderedYamlToItsTemplateLineWithoutQuotingTheOutput() {
        assertThatThrownBy(() -> render("helm/template-errors", List.of(), List.of("breakYaml=true")))
                .isInstanceOfSatisfying(RenderException.class, e -> {
                    assertThat(e.location().file())
                            .isEqualTo(Fixtures.path("helm/template-errors/templates/layout.yaml").toString());
                    assertThat(e.location().line()).isEqualTo(8);
                    assertThat(e.getMessage()).contains("templates/layout.yaml renders invalid YAML",
                            "rendered line 7", "template line 8").doesNotContain("mode: standard");
                });
    }

    @Test
    void shouldNameTheHelperLineWhenHelmNamesIt(@TempDir final Path dir) throws IOException {
        Path chart = breakHelper(dir, "{{ .Values.owner.team }}");

        assertThatThrownBy(() -> renderCopy(chart)).isInstanceOfSatisfying(RenderException.class, e -> {
            assertThat(e.location().file()).as(e.getMessage())
                    .isEqualTo(chart.resolve("templates/_helpers.tpl").toString());
            assertThat(e.location().line()).isEqualTo(14);
            assertThat(e.getMessage()).contains("error calling include", "nil pointer");
        });
    }

    @Test
    void shouldNameTheIncludeLineWhereHelmReportsAFailedRequirementInAHelper(@TempDir final Path dir)
            throws IOException {
        Path chart = breakHelper(dir, "{{ required \"a managing tool is required\" .Values.managedBy }}");

        assertThatThrownBy(() -> renderCopy(chart)).isInstanceOfSatisfying(RenderException.class, e -> {
            assertThat(e.location().file()).as(e.getMessage())
                    .isEqualTo(chart.resolve("templates/serviceaccount.yaml").toString());
            assertThat(e.location().line()).isEqualTo(7);
            assertThat(e.getMessage()).contains("a managing tool is required");
        });
    }

    private static Path breakHelper(final Path dir, final String managedBy) throws IOException {
        Path chart = copy(Fixtures.path("helm/web"), dir.resolve("web"));
        Path helpers = chart.resolve("templates/_helpers.tpl");
        Files.writeString(helpers, Files.readString(helpers).replace("{{ .Release.Service }}", managedBy));
        return chart;
    }

    private static void renderCopy(final Path chart) {
        new InProcessHelmRenderer().render(new ChartRequest(chart, "rel", "shop", List.of(), List.of(), Charts.KUBE));
    }

    private static Path copy(final Path from, final Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }
}
