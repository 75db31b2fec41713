package io.k8sgate.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8sgate.core.GateOutcome;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownReportWriterTest {
    private static final GateOutcome HUGE = ReportSamples.large(4_000, 100);

    @Test
    void shouldFitGitHubsCommentLimitWithThousandsOfFindings() {
        String md = new MarkdownReportWriter(MarkdownReportWriter.GITHUB_LIMIT).render(HUGE);

        assertThat(md.length()).isLessThanOrEqualTo(MarkdownReportWriter.GITHUB_LIMIT)
                .isGreaterThan(MarkdownReportWriter.GITHUB_LIMIT - 3_000);
        assertThat(md).startsWith("## ❌ K8s Security Gate: FAIL")
                .contains("| Findings | 900 | 4500 | 4500 | 4100 | 0 |")
                .contains("**This summary is truncated to fit a comment: ")
                .endsWith("Full report: `k8s-security-report.html` · K8s Security Gate 0.1.0, 2026-11-27T10:00:00Z\n");
        assertThat(md).contains("more not shown._");
    }

    @Test
    void shouldFitGitLabsNoteLimitWithThousandsOfFindings() {
        String md = new MarkdownReportWriter(MarkdownReportWriter.GITLAB_LIMIT).render(HUGE);

        assertThat(md.length()).isLessThanOrEqualTo(MarkdownReportWriter.GITLAB_LIMIT).isGreaterThan(900_000);
        assertThat(md).contains("**This summary is truncated to fit a comment: ");
    }

    @ParameterizedTest(name = "[{index}] limit {0}")
    @ValueSource(ints = {MarkdownReportWriter.MIN_LIMIT, 2_500, 10_000, MarkdownReportWriter.DEFAULT_LIMIT})
    void shouldNeverExceedTheLimit(final int limit) {
        for (GateOutcome o : List.of(HUGE, ReportSamples.full(), HtmlReportWriterTest.hostile())) {
            String md = new MarkdownReportWriter(limit).render(o);
            assertThat(md.length()).isLessThanOrEqualTo(limit);
            assertThat(md).contains("K8s Security Gate: ").contains("Full report: ");
        }
    }

    @Test
    void shouldKeepEverythingWhenItFits() {
        String md = new MarkdownReportWriter().render(ReportSamples.full());

        assertThat(md).doesNotContain("truncated", "not shown")
                .contains("### Since the baseline", "**4 new**, 7 outstanding, 2 fixed; 4 configuration change(s)",
                        "- FIXED HIGH Container may run as root `K8S-WL-010` in Deployment/shop/cart",
                        "### Input errors", "### Findings", "### Vulnerabilities by image", "### Risky RBAC subjects",
                        "<details><summary>2 suppressed finding(s)</summary>",
                        "| CRITICAL **NEW** | CVE-2024-45337 | `registry.example.com/shop/web:1.4.2` |",
                        "ServiceAccount ci/deployer → ClusterRoleBinding ci-deployer");
    }

    @Test
    void shouldLinkTheFullReportWhenGivenAUrl() {
        String md = new MarkdownReportWriter(MarkdownReportWriter.DEFAULT_LIMIT,
                "https://ci.example.com/job/shop/42/k8s-security/").render(ReportSamples.clean());

        assertThat(md)
                .contains("Full report: [k8s-security-report.html](https://ci.example.com/job/shop/42/k8s-security/)")
                .contains("No finding reaches a threshold").doesNotContain("### Findings");
    }

    @Test
    void shouldNotLinkAPointerThatIsNotAWebAddress() {
        String md = new MarkdownReportWriter(MarkdownReportWriter.DEFAULT_LIMIT, "javascript:alert(1)`x")
                .render(ReportSamples.clean());

        assertThat(md).contains("Full report: `javascript:alert(1)'x`").doesNotContain("](javascript");
    }

    @Test
    void shouldRejectALimitTooSmallForTheEssentials() {
        assertThatThrownBy(() -> new MarkdownReportWriter(500)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2000");
        assertThatThrownBy(() -> new MarkdownReportWriter(10_000, "x".repeat(301)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldEscapeMarkupTablesAndMentionsInValues() {
        String md = new MarkdownReportWriter().render(HtmlReportWriterTest.hostile());

        String outsideCode = md.replaceAll("`[^`\\n]*`", "``");
        assertThat(outsideCode).doesNotContain("<script", "<img", "<svg", "<iframe", "</textarea", "<style");
        assertThat(md).doesNotContain("](javascript").doesNotContain("\u202E");
        for (String line : md.split("\n", -1)) {
            if (line.startsWith("| ") && !line.startsWith("|---")) {
                assertThat(unescapedPipes(line.replaceAll("`[^`]*`", "``")))
                        .as("cells in %s", line).isIn(5, 6, 7, 8);
            }
        }
        String mention = new MarkdownReportWriter().render(HtmlReportWriterTest.outcome(List.of(
                HtmlReportWriterTest.finding("@everyone", "ping @org/team", java.util.Map.of())), List.of()));
        assertThat(mention).contains("\\@everyone", "ping \\@org/team").doesNotContain(" @org");
    }

    private static int unescapedPipes(final String line) {
        char[] chars = line.toCharArray();
        int n = 0;
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == '|' && (i == 0 || chars[i - 1] != '\\')) {
                n++;
            }
        }
        return n;
    }

    @Test
    void shouldCountTheCellsOfTheSeverityTable() {
        String md = new MarkdownReportWriter().render(ReportSamples.full());

        assertThat(Arrays.stream(md.split("\n")).filter(l -> l.startsWith("| Findings |")))
                .containsExactly("| Findings | 3 | 4 | 2 | 2 | 0 |");
    }
}
