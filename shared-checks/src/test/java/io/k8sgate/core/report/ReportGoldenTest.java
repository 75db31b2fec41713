package io.k8sgate.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * The HTML page and the Markdown summary of hand-built outcomes, compared with the files in
 * {@code src-test-fixtures/src/main/resources/fixtures/expected-reports/}. After an intended change of the output,
 * regenerate them with
 * {@code ./mvnw -q -pl shared-checks -am test -Dk8s.updateGolden=true -Dtest=ReportGoldenTest
 * -Dsurefire.failIfNoSpecifiedTests=false} and review the diff. The browser tests in {@code browser-tests/} open
 * these files too.
 */
class ReportGoldenTest {
    private static final String FOLDER = "expected-reports/";

    @Test
    void shouldRenderTheFullSampleAsTheGoldenPage() throws IOException {
        assertGolden("report.html", new HtmlReportWriter().render(ReportSamples.full()));
    }

    @Test
    void shouldEmbedTheFragmentInThePageUnchanged() {
        HtmlReportWriter writer = new HtmlReportWriter();

        assertThat(writer.render(ReportSamples.full())).contains("<main>\n" + writer.fragment(ReportSamples.full())
                + "</main>\n");
    }

    @Test
    void shouldRenderAPassingRunAsTheGoldenPage() throws IOException {
        assertGolden("report-pass.html", new HtmlReportWriter().render(ReportSamples.clean()));
    }

    @Test
    void shouldRenderTheFullSampleAsTheGoldenMarkdown() throws IOException {
        assertGolden("summary.md", new MarkdownReportWriter().render(ReportSamples.full()));
    }

    @Test
    void shouldRenderRenderedInputsAsTheGoldenPage() throws IOException {
        assertGolden("report-rendered.html", new HtmlReportWriter().render(ReportSamples.rendered()));
    }

    @Test
    void shouldRenderRenderedInputsAsTheGoldenMarkdown() throws IOException {
        assertGolden("summary-rendered.md", new MarkdownReportWriter().render(ReportSamples.rendered()));
    }

    private static void assertGolden(final String name, final String actual) throws IOException {
        if (Boolean.getBoolean("k8s.updateGolden")) {
            Path source = projectRoot().resolve("src-test-fixtures/src/main/resources/fixtures/" + FOLDER + name);
            Files.createDirectories(source.getParent());
            Files.writeString(source, actual);
            return;
        }
        assertThat(actual).as("%s differs from the golden file: if the change is intended, regenerate with "
                + "-Dk8s.updateGolden=true (see ReportGoldenTest) and review the diff", name)
                .isEqualTo(Fixtures.read(FOLDER + name));
    }

    private static Path projectRoot() {
        String root = System.getProperty("k8s.projectRoot", "");
        return root.isEmpty() ? Paths.get("").toAbsolutePath().getParent() : Paths.get(root);
    }
}
