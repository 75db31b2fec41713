package io.k8sgate.helm;

import static io.k8sgate.helm.Charts.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
                    assertThat(e.getMessage()).contains("'postgresql'", "15.5.0",
                            "https://charts.example.invalid/stable",
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

    /** A switch of the template-errors chart, the template and line Helm names, and what the message says. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            // a fail call
            "failNow=true   | guard.yaml    | 2 | failNow is set: this configuration is not supported",
            // a required value set to null
            "endpoint=null  | required.yaml | 6 | endpoint is required",
            // invalid YAML: traced from the rendered line Helm names to the template line, the output not quoted
            "breakYaml=true | layout.yaml   | 8 | templates/layout.yaml renders invalid YAML at rendered line 7 "
                    + "(template line 8)"})
    void shouldNameTheTemplateLineOfATemplateError(final String set, final String template, final int line,
            final String message) {
        RenderException e = renderError(() -> render("helm/template-errors", List.of(), List.of(set)));

        assertThat(e.location().file()).as(e.getMessage())
                .isEqualTo(Fixtures.path("helm/template-errors/templates/" + template).toString());
        assertThat(e.location().line()).isEqualTo(line);
        assertThat(e.getMessage()).contains(message).doesNotContain("mode: standard");
    }

    /**
     * A helper broken two ways: Helm names the helper's line for a failed evaluation, but only the include's line
     * (the first template that includes it) for a failed {@code required}.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "{{ .Values.owner.team }}                                 | _helpers.tpl        | 14 | nil pointer",
            "{{ required 'a managing tool is required' .Values.tool }} | serviceaccount.yaml | 7  | a managing tool"})
    void shouldNameTheLineHelmNamesForAnErrorInAHelper(final String managedBy, final String template,
            final int line, final String message, @TempDir final Path dir) throws IOException {
        Path chart = copy(Fixtures.path("helm/web"), dir.resolve("web"));
        Path helpers = chart.resolve("templates/_helpers.tpl");
        Files.writeString(helpers, Files.readString(helpers).replace("{{ .Release.Service }}",
                managedBy.replace('\'', '"')));

        RenderException e = renderError(() -> new InProcessHelmRenderer().render(new ChartRequest(chart, "rel", "shop",
                List.of(), List.of(), Charts.KUBE)));

        assertThat(e.location().file()).as(e.getMessage()).isEqualTo(chart.resolve("templates/" + template).toString());
        assertThat(e.location().line()).isEqualTo(line);
        assertThat(e.getMessage()).contains(message);
    }

    private static RenderException renderError(final ThrowingCallable render) {
        RenderException e = catchThrowableOfType(RenderException.class, render);
        assertThat(e).as("a RenderException").isNotNull();
        return e;
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
