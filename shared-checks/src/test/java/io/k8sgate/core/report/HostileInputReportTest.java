package io.k8sgate.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate over manifests written by an attacker ({@code fixtures/samples/hostile/}): every report format shows their
 * values as inert text, and no secret value from them reaches any report.
 */
class HostileInputReportTest {
    private static final List<String> SECRETS = List.of("hunter2", "aHVudGVyMg==", "s3cr3t-t0ken-value");

    private static GateOutcome run(final Path root) {
        return new SecurityGate().run(GateRequest.of(root, List.of(".")).withClock(
                Clock.fixed(ReportSamples.NOW, ZoneOffset.UTC)));
    }

    @Test
    void shouldWriteNoSecretValueInAnyReportFormat(@TempDir final Path out) throws IOException {
        GateOutcome outcome = run(Fixtures.path("samples/hostile"));

        List<Path> written = ReportFiles.write(outcome, EnumSet.allOf(ReportFormat.class), out);

        assertThat(written).hasSize(ReportFormat.values().length + 1);
        assertThat(outcome.findings()).isNotEmpty();
        for (Path file : written) {
            assertThat(Files.readString(file)).as(file.getFileName().toString()).doesNotContain(SECRETS);
        }
        assertThat(ConsoleSummary.render(outcome, 100)).doesNotContain(SECRETS);
        assertThat(Files.readString(out.resolve(ReportFormat.HTML.fileName()))).contains("db-client");
    }

    @Test
    void shouldShowHostileManifestValuesAsInertText() {
        GateOutcome outcome = run(Fixtures.path("samples/hostile"));

        String html = new HtmlReportWriter().render(outcome);
        Document doc = HtmlStructure.assertValid(html);

        assertThat(doc.text()).contains("<script>window.__pwned=1;alert(1)</script>",
                "\"><img src=x onerror=\"window.__pwned=2;alert(2)\">", "x\"><script>window.__pwned=5</script>",
                "invoice-RLO[U+202E]fdp.exe");
        assertThat(doc.select("#k8sgate-suppressed tbody tr").text())
                .contains("<a href=\"javascript:alert(7)\">click</a>");
        assertThat(html).doesNotContain("<script", "<img", "<svg", "<iframe", "\u202E");
        HtmlStructure.assertValidFragment(new HtmlReportWriter().fragment(outcome));
        String md = new MarkdownReportWriter().render(outcome);
        assertThat(md.replaceAll("`[^`\\n]*`", "``")).doesNotContain("<script", "<img", "<b>", "\u202E")
                .contains("\\@everyone", "\\[link\\](javascript:alert(9))");
        assertThat(md).doesNotContainPattern("[^\\\\]\\]\\(javascript");
    }

    @Test
    void shouldEscapeHostileFileNames(@TempDir final Path root) throws IOException {
        String name = "\"><img src=x onerror=alert(1)>.yaml";
        Files.copy(Fixtures.path("samples/hostile/workloads.yaml"), root.resolve(name));

        GateOutcome outcome = run(root);
        Document doc = HtmlStructure.assertValid(new HtmlReportWriter().render(outcome));

        assertThat(outcome.files()).containsExactly(name);
        assertThat(doc.select(".loc").eachText()).anySatisfy(t -> assertThat(t).startsWith(name + ":"));
    }
}
