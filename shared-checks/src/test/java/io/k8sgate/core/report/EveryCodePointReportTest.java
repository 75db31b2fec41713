package io.k8sgate.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.model.ResourceRef;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.policy.Decision;
import io.k8sgate.core.policy.GateStatus;
import io.k8sgate.core.policy.Policy;
import io.k8sgate.core.policy.PolicyEvaluator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue 16, item 10: every code point from U+0000 to U+10FFFF (and every unpaired surrogate) is fed through the names,
 * messages, paths and properties of findings and diagnostics. The XML and HTML reports must stay well-formed and hold
 * no character XML 1.0 forbids, no control character and no direction override, while keeping every plainly printable
 * character; the console and Markdown must neutralise the same characters; JSON and SARIF keep every value whole.
 */
class EveryCodePointReportTest {
    /** Code points per value: short enough that no format shortens a value (two chars for a supplementary one). */
    private static final int CHUNK = 1_000;
    private static final Pattern CODE_POINT_TOKEN = Pattern.compile("\\[U\\+[0-9A-F]{4,6}\\]");
    private static final List<String> CHUNKS = new ArrayList<>();
    private static GateOutcome outcome;

    @BeforeAll
    static void everyCodePoint() {
        StringBuilder chunk = new StringBuilder();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            chunk.appendCodePoint(cp); // the surrogate range goes in as unpaired chars
            if ((cp + 1) % CHUNK == 0 || cp == Character.MAX_CODE_POINT) {
                CHUNKS.add(chunk.toString());
                chunk.setLength(0);
            }
        }
        List<Finding> findings = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<ResourceRef> resources = new ArrayList<>();
        for (int i = 0; i < CHUNKS.size(); i++) {
            String v = CHUNKS.get(i);
            ResourceRef ref = new ResourceRef("Deployment", "ns", v);
            resources.add(ref);
            Finding f = Finding.of(ReportSamples.PRIVILEGED, ref, i % 3 == 0 ? v : "app", new Location(
                    "deploy/" + i + ".yaml", i + 1, 1), "spec.containers[0]", v);
            if (i % 2 == 0) {
                f = Finding.of(ReportSamples.VULNERABILITY, new ResourceRef("Image", "", v), "", Location.ofFile(
                        "scan-" + i + ".json"), "Results[0].Vulnerabilities[0]", v).withProperties(Map.of(
                        FindingProperties.IMAGE, v, FindingProperties.VULNERABILITY_ID, "CVE-" + i,
                        FindingProperties.PACKAGE, i % 3 == 0 ? v : "lib", FindingProperties.INSTALLED_VERSION, "1"));
            }
            findings.add(f.withSeverity(Severity.values()[i % 4]));
            if (i % 50 == 0) {
                diagnostics.add(Diagnostic.error("yaml-syntax", new Location(v, i, 1), v));
            }
        }
        findings.sort(io.k8sgate.core.model.FindingOrder.MOST_SEVERE_FIRST);
        Policy policy = Policy.DEFAULT;
        Decision decision = PolicyEvaluator.decide(findings, diagnostics, policy, Set.of());
        outcome = new GateOutcome("0.1.0", ReportSamples.NOW, policy, List.of("deploy/app.yaml"), resources,
                List.of(ReportSamples.PRIVILEGED, ReportSamples.VULNERABILITY), findings, diagnostics, decision);
    }

    @Test
    void shouldWriteWellFormedJUnitXmlThatKeepsEveryPrintableCharacter() throws Exception {
        byte[] xml = Outcomes.render(new JUnitReportWriter(), outcome).getBytes(StandardCharsets.UTF_8);

        org.w3c.dom.Document doc = parseXml(xml);

        NodeList cases = doc.getElementsByTagName("testcase");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            names.add(printable(c.getAttribute("name")));
            assertSafe(c.getAttribute("name"));
            assertSafe(c.getTextContent());
        }
        for (int i = 0; i < CHUNKS.size(); i++) {
            String printable = printable(CHUNKS.get(i));
            assertThat(names).as("the test case of resource %d keeps the printable characters of its name", i)
                    .containsAnyOf("Deployment/ns/" + printable, "Image/" + printable);
        }
    }

    /** The trend chart's SVG, served by the Jenkins step, names builds whatever they are called. */
    @Test
    void shouldWriteWellFormedTrendChartsThatKeepEveryPrintableCharacterOfABuildsName() throws Exception {
        for (int from = 0; from < CHUNKS.size(); from += TrendChart.MAX_POINTS) {
            List<String> labels = CHUNKS.subList(from, Math.min(from + TrendChart.MAX_POINTS, CHUNKS.size()));
            String svg = TrendChart.svg(labels.stream().map(l -> new TrendPoint(l, GateStatus.FAIL,
                    Map.of(Severity.HIGH, 1))).toList());

            assertSafe(svg);
            NodeList titles = parseXml(svg.getBytes(StandardCharsets.UTF_8)).getElementsByTagName("title");
            Set<String> shown = new HashSet<>();
            for (int i = 0; i < titles.getLength(); i++) {
                shown.add(printable(titles.item(i).getTextContent()));
            }
            for (String label : labels) {
                String name = printable(label);
                assertThat(shown.stream().anyMatch(t -> t.startsWith(name)))
                        .as("a run's title keeps the printable characters of its build's name %s", name).isTrue();
            }
        }
    }

    private static org.w3c.dom.Document parseXml(final byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    @Test
    void shouldWriteHtmlWithOnlyXmlCharactersThatKeepsEveryPrintableCharacter() {
        String html = new HtmlReportWriter().render(outcome);

        assertSafe(html);
        Document doc = Jsoup.parse(html);
        List<String> messages = doc.select("p.msg").eachText();
        assertThat(messages).hasSize(CHUNKS.size());
        Set<String> shown = new HashSet<>();
        messages.forEach(m -> shown.add(printable(m)));
        for (int i = 0; i < CHUNKS.size(); i++) {
            assertThat(shown).as("the message of finding %d keeps its printable characters", i)
                    .contains(printable(CHUNKS.get(i)));
        }
    }

    @Test
    void shouldNeutraliseTheSameCharactersInMarkdownAndOnTheConsole() {
        assertSafe(new MarkdownReportWriter().render(outcome));
        String console = ConsoleSummary.render(outcome, CHUNKS.size());
        for (String line : console.split("\n", -1)) {
            assertSafe(line);
            assertThat(line).doesNotContain("\r", "\u000B", "\u000C", "\u001B");
        }
    }

    @Test
    void shouldKeepEveryValueWholeInJsonAndSarif() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode json = mapper.readTree(Outcomes.render(new JsonReportWriter(), outcome));
        List<String> messages = new ArrayList<>();
        json.path("findings").forEach(f -> messages.add(f.path("message").asText()));
        assertThat(messages).containsExactlyInAnyOrderElementsOf(CHUNKS);
        JsonNode sarif = mapper.readTree(Outcomes.render(new SarifReportWriter(), outcome));
        List<String> texts = new ArrayList<>();
        sarif.path("runs").path(0).path("results").forEach(r -> texts.add(r.path("message").path("text").asText()));
        assertThat(texts).containsExactlyInAnyOrderElementsOf(CHUNKS);
    }

    /**
     * No character XML 1.0 forbids (Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]),
     * no C1 control, no noncharacter, no unpaired surrogate, no direction or invisible format character.
     */
    private static void assertSafe(final String text) {
        assertThat(firstUnsafe(text)).as("the first unsafe character").isEmpty();
    }

    private static String firstUnsafe(final String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = text.codePointAt(i);
                i++;
            } else if (!(c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD))) {
                return String.format("U+%04X, which XML 1.0 forbids, at %d", cp, i);
            }
            if ((cp >= 0x7F && cp <= 0x9F) || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE
                    || Character.getType(cp) == Character.FORMAT || cp == 0x2028 || cp == 0x2029) {
                return String.format("U+%04X at %d", cp, i);
            }
        }
        return "";
    }

    /**
     * The characters every report must show as they are: letters, marks, digits, punctuation, symbols and spaces,
     * except U+FFFD itself (what the neutralised ones become) and the characters of the code-point notation.
     */
    private static String printable(final String s) {
        String withoutTokens = CODE_POINT_TOKEN.matcher(s).replaceAll("");
        StringBuilder sb = new StringBuilder();
        withoutTokens.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean shown = type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                    && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                    && type != Character.SPACE_SEPARATOR && cp != 0xFFFD && !(cp >= 0xFDD0 && cp <= 0xFDEF)
                    && (cp & 0xFFFE) != 0xFFFE;
            if (shown) {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
