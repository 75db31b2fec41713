package io.k8sgate.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.model.ResourceRef;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.policy.Decision;
import io.k8sgate.core.policy.Policy;
import io.k8sgate.core.policy.PolicyEvaluator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, items 8 and 11: values that would forge console lines, reorder text or crowd everything else out, and runs
 * with more findings than a page can show. The console and Markdown neutralise and shorten such values, the JSON
 * report keeps them whole; the HTML page and the JUnit file stay bounded and say where the rest is.
 */
class HugeAndOddValuesReportTest {
    private static final String HUGE = "a".repeat(1 << 20);

    private static GateOutcome outcome(final List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(io.k8sgate.core.model.FindingOrder.MOST_SEVERE_FIRST);
        Decision decision = PolicyEvaluator.decide(sorted, List.of(), Policy.DEFAULT, Set.of());
        return new GateOutcome("0.1.0", ReportSamples.NOW, Policy.DEFAULT, List.of("app.yaml"),
                sorted.stream().map(Finding::resource).distinct().toList(), List.of(ReportSamples.PRIVILEGED), sorted,
                List.of(), decision);
    }

    private static Finding privileged(final String name, final int line) {
        return Finding.of(ReportSamples.PRIVILEGED, new ResourceRef("Pod", "shop", name), "app",
                new Location("app.yaml", line, 3), "spec.containers[0].securityContext.privileged",
                "Container 'app' of Pod " + name + " runs privileged");
    }

    private static GateOutcome odd() {
        return outcome(List.of(privileged("esc-\u009B31m-red", 4), privileged("nel-\u0085-line", 12),
                privileged("invoice-\u202Efdp.exe", 20), privileged("cr-\r-over", 28), privileged(HUGE, 36),
                privileged("plain", 44)));
    }

    @Test
    void shouldNeutraliseC1ControlsAndDirectionOverridesOnTheConsoleIssue16() {
        String console = ConsoleSummary.render(odd(), 100);

        assertThat(console).doesNotContain("\u009B", "\u0085", "\u202E", "\r")
                .contains("Pod/shop/esc-[U+009B]31m-red", "Pod/shop/nel-[U+0085]-line",
                        "Pod/shop/invoice-[U+202E]fdp.exe", "Pod/shop/cr-[U+000D]-over", "Pod/shop/plain");
        assertThat(console.lines()).allSatisfy(l -> assertThat(l.length()).isLessThan(2 * Text.CONSOLE_MESSAGE_MAX));
        assertThat(console).contains("more characters; the JSON report has the whole value");
    }

    @Test
    void shouldKeepEveryRowOfTheMarkdownTableWhenOneNameIsHugeIssue16() {
        String md = new MarkdownReportWriter().render(odd());

        assertThat(md.length()).isLessThanOrEqualTo(MarkdownReportWriter.DEFAULT_LIMIT);
        assertThat(md).contains("Pod/shop/plain", "esc-\uFFFD31m-red", "invoice-[U+202E]fdp.exe")
                .doesNotContain("\u009B", "\u202E", "more not shown");
        assertThat(md.lines().filter(l -> l.startsWith("| CRITICAL"))).hasSize(6);
    }

    @Test
    void shouldKeepTheWholeValueInTheJsonReport() throws IOException {
        JsonNode json = new ObjectMapper().readTree(Outcomes.render(new JsonReportWriter(), odd()));
        List<String> names = new ArrayList<>();
        json.path("findings").forEach(f -> names.add(f.path("resource").path("name").asText()));
        assertThat(names).contains(HUGE, "esc-\u009B31m-red", "invoice-\u202Efdp.exe");
    }

    @Test
    void shouldListTheMostSevereFindingsOnTheHtmlPageAndPointToTheJsonForTheRestIssue16() {
        GateOutcome big = ReportSamples.large(2_000, 0);
        assertThat(big.findings()).hasSizeGreaterThan(HtmlReportWriter.MAX_ROWS);

        String html = new HtmlReportWriter().render(big);
        Document doc = HtmlStructure.assertValid(html);

        assertThat(doc.select("tr.finding")).hasSize(HtmlReportWriter.MAX_ROWS);
        assertThat(doc.select("#k8sgate-truncated").text()).contains("5,000 most severe of the 6,000 findings",
                "k8s-security-report.json");
        assertThat(doc.select("tr.finding .sev").eachText()).as("the most severe first").contains("CRITICAL");
        assertThat(doc.select("p.more").text()).contains("more finding(s) of this group are in the JSON report");
        assertThat(doc.select(".decisive a[href]").eachAttr("href")).allSatisfy(href ->
                assertThat(doc.getElementById(href.substring(1))).as(href).isNotNull());
        assertThat(doc.select(".tile-count").first().text()).as("counts stay complete").isEqualTo("200");
    }

    @Test
    void shouldListAtMostMaxDetailsFindingsInOneJUnitFailure() throws IOException {
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < JUnitReportWriter.MAX_DETAILS + 300; i++) {
            many.add(Finding.of(ReportSamples.VULNERABILITY, new ResourceRef("Image", "", "web:1"), "",
                    Location.ofFile("scan.json"), "Results[0].Vulnerabilities[" + i + "]", "CVE-2026-" + i)
                    .withSeverity(Severity.HIGH));
        }
        String xml = Outcomes.render(new JUnitReportWriter(), outcome(many));

        org.jsoup.nodes.Document doc = Jsoup.parse(xml, "", org.jsoup.parser.Parser.xmlParser());
        String details = doc.select("testcase[name=Image/web:1] failure").text();
        assertThat(details).contains("CVE-2026-0 ", "... and 300 more finding(s) in k8s-security-report.json");
        assertThat(details.split("Fix: ")).hasSize(JUnitReportWriter.MAX_DETAILS + 1);
    }
}
