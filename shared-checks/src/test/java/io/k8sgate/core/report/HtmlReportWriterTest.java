package io.k8sgate.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.model.ResourceRef;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.model.Suppression;
import io.k8sgate.core.policy.Decision;
import io.k8sgate.core.policy.Policy;
import io.k8sgate.core.policy.PolicyEvaluator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HtmlReportWriterTest {
    static final String[] PAYLOADS = {"<script>window.__pwned=1</script>", "\"><img src=x onerror=alert(1)>",
        "javascript:alert(1)", "</textarea><svg onload=alert(1)>", "' onmouseover='alert(1)",
        "</style><style>*{display:none}</style>", "<iframe srcdoc=\"<script>alert(1)</script>\">"};

    private final HtmlReportWriter writer = new HtmlReportWriter();

    static Stream<GateOutcome> outcomes() {
        return Stream.of(ReportSamples.full(), ReportSamples.clean(), ReportSamples.large(300, 30), hostile());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("outcomes")
    void shouldFollowTheStructureRulesForEveryOutcome(final GateOutcome outcome) {
        HtmlStructure.assertValid(writer.render(outcome));
        HtmlStructure.assertValidFragment(writer.fragment(outcome));
    }

    @Test
    void shouldPutTheDecisionAndItsReasonsFirst() {
        Document doc = HtmlStructure.assertValid(writer.render(ReportSamples.full()));

        Element first = doc.selectFirst("main > .k8sgate > *");
        assertThat(first.tagName()).isEqualTo("header");
        assertThat(first.hasClass("decision-fail")).isTrue();
        assertThat(first.selectFirst("h1").text()).isEqualTo("FAIL the gate failed: do not deploy");
        assertThat(first.select(".reasons li").eachText()).hasSize(2)
                .anySatisfy(r -> assertThat(r).isEqualTo("7 finding(s) at or above failOn HIGH"))
                .anySatisfy(r -> assertThat(r).contains("deploy/shop/broken.yaml:7"));
        assertThat(first.select(".policy").text()).contains("fails on HIGH and above", "warns on MEDIUM and above");
        assertThat(doc.title()).startsWith("FAIL");
    }

    @Test
    void shouldNameTheBlockingFindingsAndLinkToTheirRows() {
        Document doc = HtmlStructure.assertValid(writer.render(ReportSamples.full()));

        List<Element> named = doc.select(".decision .decisive li:not(.more)");
        assertThat(named).hasSize(HtmlReportWriter.NAMED_FINDINGS);
        assertThat(doc.select(".decision .why-label").eachText()).contains("Blocking findings (7):");
        assertThat(doc.select(".decision .decisive li.more").text()).isEqualTo("and 2 more below");
        assertThat(named.get(0).text()).startsWith("CRITICAL");
        for (Element li : named) {
            Element row = doc.getElementById(li.selectFirst("a").attr("href").substring(1));
            assertThat(row).isNotNull();
            assertThat(row.tagName()).isEqualTo("tr");
            assertThat(row.selectFirst(".sev").text()).isIn("CRITICAL", "HIGH");
        }
        assertThat(named).extracting(Element::text)
                .anySatisfy(t -> assertThat(t).contains("CVE-2024-45337 in golang.org/x/crypto"));
    }

    @Test
    void shouldShortenAThresholdReasonOnlyWhenTheFindingsAreListed() {
        assertThat(HtmlReportWriter.headline("3 finding(s) at or above failOn HIGH: A, B, C"))
                .isEqualTo("3 finding(s) at or above failOn HIGH");
        assertThat(HtmlReportWriter.headline("1 input error(s): a.yaml:3 bad: really"))
                .isEqualTo("1 input error(s): a.yaml:3 bad: really");
        Document pass = HtmlStructure.assertValid(writer.render(outcome(List.of(), List.of(Diagnostic.error("x",
                new Location("a.yaml", 1, 1), "at or above: kept")))));
        assertThat(pass.select(".reasons li").text()).contains("a.yaml:1 at or above: kept");
    }

    @Test
    void shouldCountFindingsBySeverityAndFilterThemByAnchor() {
        Document doc = HtmlStructure.assertValid(writer.render(ReportSamples.full()));

        for (Severity s : Severity.values()) {
            String name = s.name().toLowerCase(Locale.ROOT);
            Element tile = doc.selectFirst(".tiles .tile-" + name);
            int rows = doc.select("tr.finding.row-" + name).size();
            assertThat(tile.selectFirst(".tile-count").text()).isEqualTo(String.valueOf(rows));
            assertThat(tile.selectFirst(".tile-label").text()).isEqualTo(s.name());
            assertThat(doc.getElementById("k8sgate-only-" + name)).isNotNull();
            if (rows > 0) {
                assertThat(tile.selectFirst("a").attr("href")).isEqualTo("#k8sgate-only-" + name);
            }
        }
        assertThat(doc.select(".tile-critical .tile-note").eachText()).contains("fails the gate", "2 new");
        assertThat(doc.select(".tile-medium .tile-note").eachText()).contains("warns");
        assertThat(doc.select(".filters a").eachText()).containsExactly("all 11", "CRITICAL only 3", "HIGH only 4",
                "MEDIUM only 2", "LOW only 2");
        Element group = doc.selectFirst("#k8sgate-findings details.group");
        assertThat(group.classNames()).contains("has-critical", "has-high", "has-medium").doesNotContain("has-low");
    }

    @Test
    void shouldGroupFindingsByResourceWithLocationFieldPathAndRemediation() {
        Document doc = HtmlStructure.assertValid(writer.render(ReportSamples.full()));

        List<Element> groups = doc.select("#k8sgate-findings details.group");
        assertThat(groups).extracting(g -> g.selectFirst("summary .res").text())
                .containsExactly("shop/web", "shop/worker", "shop/web");
        assertThat(groups.get(0).selectFirst("summary").text()).contains("Deployment", "deploy/shop/web.yaml",
                "3 findings: 1 CRITICAL, 1 HIGH, 1 MEDIUM", "1 NEW");
        Element row = groups.get(0).selectFirst("tr.finding");
        assertThat(row.select("th[scope=row]").text()).contains("Privileged container", "K8S-WL-001",
                "Container 'nginx' runs privileged");
        assertThat(row.select(".loc").text()).isEqualTo("deploy/shop/web.yaml:24");
        assertThat(row.select(".path").text()).isEqualTo("spec.template.spec.containers[0].securityContext.privileged");
        assertThat(row.select(".fix").text()).startsWith("Remove securityContext.privileged");
        assertThat(row.select(".refs a").attr("href"))
                .isEqualTo("https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline");
        assertThat(row.select(".equivalents").text()).contains("trivy KSV017", "checkov CKV_K8S_16");
        assertThat(row.select(".badge-new").text()).isEqualTo("NEW");
    }

    @Test
    void shouldGroupVulnerabilitiesByImageWithPackagesVersionsAndWorkloads() {
        Document doc = HtmlStructure.assertValid(writer.render(ReportSamples.full()));

        Element section = doc.getElementById("k8sgate-images");
        assertThat(section.selectFirst("h2").text()).isEqualTo("Vulnerabilities by image");
        Element image = section.selectFirst("details.group");
        assertThat(image.selectFirst("summary").text()).contains("registry.example.com/shop/web:1.4.2", "2 fixable",
                "used by Deployment/shop/web, CronJob/ops/backup", "3 findings: 1 CRITICAL, 1 HIGH, 1 LOW");
        assertThat(image.select("tbody tr")).extracting(r -> r.select("th, td").eachText().subList(1, 5))
                .containsExactly(List.of("CVE-2024-45337", "golang.org/x/crypto", "0.21.0", "0.31.0"),
                        List.of("CVE-2023-44487", "golang.org/x/net", "0.15.0", "0.17.0"),
                        List.of("CVE-2024-2511", "libssl3", "3.1.4-r5", "no fix yet"));
        assertThat(doc.select("#k8sgate-findings .image")).isEmpty();
    }

    @Test
    void shouldListRiskyRbacSubjectsWithTheirEscalationPaths() {
        Document doc = HtmlStructure.assertValid(writer.render(ReportSamples.full()));

        List<Element> subjects = doc.select("#k8sgate-rbac details.group");
        assertThat(subjects).extracting(s -> s.selectFirst("summary .res").text())
                .containsExactly("Group/oncall", "ServiceAccount/ci/deployer");
        Element deployer = subjects.get(1);
        assertThat(deployer.select(".path-steps li").eachText()).containsExactly("ServiceAccount ci/deployer",
                "ClusterRoleBinding ci-deployer", "ClusterRole deployer: create pods/exec", "shell in any pod",
                "read the pod's service account token");
        assertThat(deployer.select("td").get(1).text())
                .isEqualTo("ClusterRoleBinding/ci-deployer → grants ClusterRole/deployer");
        assertThat(subjects.get(0).select("td").get(2).text()).isEqualTo("direct grant");
    }

    @Test
    void shouldShowNewOutstandingFixedAndDriftSinceTheBaseline() {
        Document doc = HtmlStructure.assertValid(writer.render(ReportSamples.full()));

        Element section = doc.getElementById("k8sgate-baseline");
        assertThat(section.select(".tile").eachText()).containsExactly("4 new", "7 outstanding", "2 fixed",
                "4 changes");
        assertThat(section.text()).contains("version 7 (2026-11-20T09:12:00Z, revision 4f2a9c1, build #118)");
        assertThat(section.select("ol.decisive li")).hasSize(4);
        assertThat(section.select("table").get(0).select("tbody tr").eachText())
                .anySatisfy(t -> assertThat(t).contains("FIXED", "Container may run as root", "Deployment/shop/cart"));
        assertThat(section.select("table.drift tbody tr").get(0).select("td, th").eachText()).containsExactly(
                "CHANGED", "Deployment/shop/web", "spec.template.spec.containers[0].securityContext.privileged",
                "false", "true");
        assertThat(doc.select("tr.finding .badge-new")).hasSize(4);
    }

    @Test
    void shouldLeaveOutOptionalSectionsWhenTheirDataIsAbsent() {
        Document doc = HtmlStructure.assertValid(writer.render(ReportSamples.clean()));

        assertThat(doc.getElementById("k8sgate-baseline")).isNull();
        assertThat(doc.getElementById("k8sgate-images")).isNull();
        assertThat(doc.getElementById("k8sgate-rbac")).isNull();
        assertThat(doc.select(".decision-pass h1").text()).isEqualTo("PASS the gate passed");
        assertThat(doc.select("#k8sgate-findings .empty").text()).startsWith("No findings");
        assertThat(doc.select(".toc a").eachText()).containsExactly("At a glance", "Findings by resource 0",
                "Suppressed 0", "Input diagnostics 0");
    }

    @Test
    void shouldShowWhoSuppressedAFindingWhyAndUntilWhen() {
        Document doc = HtmlStructure.assertValid(writer.render(ReportSamples.full()));

        List<Element> rows = doc.select("#k8sgate-suppressed tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).select("td, th").eachText()).containsExactly("CRITICAL",
                "Privileged container K8S-WL-001 Container 'snapshot' runs privileged",
                "CronJob/ops/backup deploy/ops/backup.yaml:20", "exception k8s-security.yaml:12", "team-storage",
                "Needs device access for LVM snapshots until CSI snapshots land", "2026-12-31 (in 34 days)");
        assertThat(rows.get(1).select("td").last().text()).isEqualTo("never");
        assertThat(doc.select("#k8sgate-suppressed details").attr("open")).isEmpty();
    }

    @Test
    void shouldListInputDiagnosticsErrorsFirst() {
        Document doc = HtmlStructure.assertValid(writer.render(ReportSamples.full()));

        assertThat(doc.select("#k8sgate-diagnostics tbody tr")).extracting(r -> r.selectFirst(".level").text())
                .containsExactly("ERROR", "WARNING", "INFO");
        assertThat(doc.select("#k8sgate-diagnostics tbody tr").get(0).text())
                .contains("deploy/shop/broken.yaml:7", "Mapping values are not allowed here", "yaml-syntax");
    }

    @Test
    void shouldCollapseGroupsBeyondTheFirstOnesInLargeReports() {
        Document doc = HtmlStructure.assertValid(writer.render(ReportSamples.large(300, 0)));

        List<Element> groups = doc.select("#k8sgate-findings details.group");
        assertThat(groups).hasSize(300);
        assertThat(groups.stream().filter(g -> g.hasAttr("open"))).hasSize(HtmlReportWriter.OPEN_GROUPS);
        assertThat(groups.get(0).selectFirst("summary .sev").text()).isEqualTo("CRITICAL");
        assertThat(doc.select(".decision .decisive li.more").text()).isEqualTo("and 325 more below");
    }

    @Test
    void shouldShowHostileValuesAsInertText() {
        String html = writer.render(hostile());
        Document doc = HtmlStructure.assertValid(html);

        for (String payload : PAYLOADS) {
            assertThat(doc.text()).contains(payload);
        }
        assertThat(html).doesNotContain("<script", "<img", "<svg", "<iframe", "<textarea", "</style>");
        assertThat(doc.select("a[href]").eachAttr("href")).noneMatch(h -> h.toLowerCase(Locale.ROOT)
                .contains("javascript"));
        assertThat(doc.select(".refs a").eachAttr("href")).containsOnly("https://example.com/" + PAYLOADS[0]);
    }

    @Test
    void shouldMakeDirectionOverridesAndControlCharactersVisible() {
        Finding f = finding("evil\u202Egpj.exe", "line\u0000break\u0007", Map.of());
        String html = writer.render(outcome(List.of(f), List.of()));

        assertThat(html).doesNotContain("\u202E", "\u0000", "\u0007").contains("evil[U+202E]gpj.exe",
                "line\uFFFDbreak\uFFFD");
    }

    @Test
    void shouldShowUnknownPropertiesAsNameAndValue() {
        Finding f = finding("web", "msg", Map.of("<b>apiVersion</b>", "extensions/v1beta1 <i>removed</i>"));
        Document doc = HtmlStructure.assertValid(writer.render(outcome(List.of(f), List.of())));

        assertThat(doc.select(".props dt").text()).isEqualTo("<b>apiVersion</b>");
        assertThat(doc.select(".props dd").text()).isEqualTo("extensions/v1beta1 <i>removed</i>");
    }

    @Test
    void shouldExplainAWarningWithTheFindingsOverWarnOn() {
        Finding medium = finding("web", "no limit", Map.of()).withSeverity(Severity.MEDIUM);
        Document doc = HtmlStructure.assertValid(writer.render(outcome(List.of(medium), List.of())));

        assertThat(doc.select(".decision-warn h1").text()).startsWith("WARN");
        assertThat(doc.select(".decision .why-label").eachText()).contains("Warning findings (1):");
        assertThat(doc.select(".decision .decisive li").text()).contains("MEDIUM", "Hostile check");
    }

    @Test
    void shouldLinkToDiagnosticsWhenInputFailsTheGate() {
        Diagnostic error = Diagnostic.error("yaml-syntax", new Location("a.yaml", 3, 1), "bad");
        Document doc = HtmlStructure.assertValid(writer.render(outcome(List.of(), List.of(error))));

        assertThat(doc.select(".decision-fail a[href=#k8sgate-diagnostics]").text()).isEqualTo("1 input error(s)");
        assertThat(doc.select(".decision .decisive")).isEmpty();
    }

    /** A finding whose every text comes from hostile input, suppressed and not, with every special property. */
    static GateOutcome hostile() {
        String p = String.join(" ", PAYLOADS);
        CheckMetadata meta = CheckMetadata.of("K8S-WL-999", "Hostile check " + p, Severity.CRITICAL,
                Category.WORKLOAD).withText(p, "Fix " + p).withReferences("https://example.com/?q=" + PAYLOADS[1]);
        ResourceRef ref = new ResourceRef("Deployment" + PAYLOADS[0], PAYLOADS[1], PAYLOADS[3]);
        Finding base = new Finding(meta.id(), meta.title(), Severity.CRITICAL, Category.WORKLOAD, ref, PAYLOADS[4],
                new Location(PAYLOADS[5] + ".yaml", 3, 1), "spec." + PAYLOADS[6], "Message " + p, "Fix " + p,
                List.of("javascript:alert(1)", "https://example.com/" + PAYLOADS[0], " https://x.example"),
                Map.of("trivy", List.of(PAYLOADS[2])), "fp" + PAYLOADS[1], Optional.empty(),
                Map.of(PAYLOADS[0], PAYLOADS[1]));
        Finding image = base.withProperties(Map.of(FindingProperties.IMAGE, PAYLOADS[0],
                FindingProperties.VULNERABILITY_ID, PAYLOADS[1], FindingProperties.PACKAGE, PAYLOADS[2],
                FindingProperties.INSTALLED_VERSION, PAYLOADS[3], FindingProperties.FIXED_VERSION, PAYLOADS[4],
                FindingProperties.WORKLOADS, PAYLOADS[5] + ", " + PAYLOADS[6]));
        Finding imageFinding = new Finding(base.checkId(), base.title(), base.severity(), Category.IMAGE,
                base.resource(), "", base.location(), base.fieldPath(), base.message(), base.remediation(),
                base.references(), base.equivalents(), "fp-image", Optional.empty(), image.properties());
        Finding rbac = new Finding(base.checkId(), base.title(), Severity.HIGH, Category.RBAC, base.resource(), "",
                base.location(), base.fieldPath(), base.message(), base.remediation(), base.references(),
                base.equivalents(), "fp-rbac", Optional.empty(), Map.of(FindingProperties.SUBJECT, PAYLOADS[0],
                FindingProperties.BINDING, PAYLOADS[1], FindingProperties.ROLE, PAYLOADS[2],
                FindingProperties.ESCALATION_PATH, PAYLOADS[3] + " -> " + PAYLOADS[4]));
        Finding suppressed = base.withSuppression(new Suppression(PAYLOADS[0], PAYLOADS[1], PAYLOADS[2],
                Optional.empty(), new Location(PAYLOADS[3], 1, 1)));
        Diagnostic diagnostic = Diagnostic.error(PAYLOADS[0], new Location(PAYLOADS[1], 2, 2), PAYLOADS[2]);
        GateOutcome o = outcome(List.of(base, imageFinding, rbac, suppressed), List.of(diagnostic));
        return o.withBaseline(new io.k8sgate.core.model.BaselineComparison(p, Set.of(), List.of(base),
                List.of(new io.k8sgate.core.model.BaselineComparison.Change(
                        io.k8sgate.core.model.BaselineComparison.Change.Kind.CHANGED, ref, PAYLOADS[4], PAYLOADS[5],
                        PAYLOADS[6]))));
    }

    static Finding finding(final String name, final String message, final Map<String, String> properties) {
        CheckMetadata meta = CheckMetadata.of("K8S-WL-999", "Hostile check", Severity.CRITICAL, Category.WORKLOAD)
                .withText("d", "r");
        return Finding.of(meta, new ResourceRef("Deployment", "ns", name), "c", new Location("f.yaml", 1, 1),
                "spec", message).withProperties(properties);
    }

    static GateOutcome outcome(final List<Finding> findings, final List<Diagnostic> diagnostics) {
        Policy policy = Policy.DEFAULT;
        Decision decision = PolicyEvaluator.decide(findings, diagnostics, policy, Set.of());
        return new GateOutcome("0.1.0", ReportSamples.NOW, policy, List.of("f.yaml"), List.of(), List.of(), findings,
                diagnostics, decision);
    }
}
