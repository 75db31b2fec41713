package io.k8sgate.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one stylesheet: scoped so that it cannot restyle the page it is embedded in, and self-contained for the CSP. */
class ReportStylesheetTest {
    private static String css() throws IOException {
        try (InputStream in = ReportFiles.stylesheet()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        }
    }

    /** Every selector of every rule, at-rules unwrapped. */
    private static List<String> selectors(final String css) {
        List<String> all = new ArrayList<>();
        String flat = css.replaceAll("@media[^{]*\\{", "");
        for (String block : flat.split("}", -1)) {
            int brace = block.indexOf('{');
            if (brace > 0) {
                for (String s : block.substring(0, brace).split(",", -1)) {
                    if (!s.isBlank()) {
                        all.add(s.trim());
                    }
                }
            }
        }
        return all;
    }

    @Test
    void shouldScopeEveryRuleUnderTheReportClass() throws IOException {
        List<String> selectors = selectors(css());

        assertThat(selectors).hasSizeGreaterThan(50)
                .allMatch(s -> s.startsWith(".k8sgate ") || s.equals(".k8sgate") || s.startsWith(".k8sgate *")
                        || s.equals(".k8sgate-page"), "scoped under .k8sgate");
    }

    @Test
    void shouldLoadNothingElse() throws IOException {
        String css = css();

        assertThat(css).doesNotContain("@import", "url(", "expression(", "javascript:", "@font-face");
        assertThat(css.chars().filter(c -> c == '{').count()).isEqualTo(css.chars().filter(c -> c == '}').count());
    }

    @Test
    void shouldFilterEverySeverityByAnchor() throws IOException {
        String css = css();

        for (String s : List.of("critical", "high", "medium", "low", "info")) {
            assertThat(css).contains("#k8sgate-only-" + s + ":target ~ section .finding:not(.row-" + s + ")",
                    "#k8sgate-only-" + s + ":target ~ section .group:not(.has-" + s + ")");
        }
        assertThat(css).contains("@media print");
    }
}
