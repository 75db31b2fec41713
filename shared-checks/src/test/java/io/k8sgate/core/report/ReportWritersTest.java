package io.k8sgate.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k8sgate.core.GateOutcome;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ReportWritersTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path dir;

    private GateOutcome outcome() throws IOException {
        return Outcomes.run(dir, Outcomes.PRIVILEGED, "failOn: HIGH\n" + Outcomes.onlyPrivilegedCheck());
    }

    @Test
    void shouldWriteTheDocumentedJsonFields() throws IOException {
        JsonNode json = mapper.readTree(Outcomes.render(new JsonReportWriter(), outcome()));
        assertThat(json.path("schemaVersion").asText()).isEqualTo(JsonReportWriter.SCHEMA_VERSION);
        assertThat(json.path("tool").path("name").asText()).isEqualTo("k8s-security-gate");
        assertThat(json.path("decision").path("status").asText()).isEqualTo("FAIL");
        assertThat(json.path("decision").path("reasons").get(0).asText()).contains("failOn HIGH");
        assertThat(json.path("findings")).hasSize(2);
        JsonNode active = json.path("findings").get(0).path("suppressed").asBoolean() ? json.path("findings").get(1)
                : json.path("findings").get(0);
        for (String field : List.of("checkId", "title", "severity", "category", "resource", "container", "file",
                "line", "fieldPath", "message", "remediation", "equivalents", "fingerprint", "suppressed")) {
            assertThat(active.has(field)).as("field %s", field).isTrue();
        }
        assertThat(active.path("resource").path("namespace").asText()).isEqualTo("shop");
        assertThat(active.path("line").asInt()).isEqualTo(27);
        JsonNode suppressed = active.equals(json.path("findings").get(0)) ? json.path("findings").get(1)
                : json.path("findings").get(0);
        assertThat(suppressed.path("suppressed").asBoolean()).isTrue();
        assertThat(suppressed.path("suppression").path("reason").asText()).contains("debug sidecar");
        assertThat(json.path("diagnostics")).anySatisfy(d -> {
            assertThat(d.path("code").asText()).isEqualTo("yaml-syntax");
            assertThat(d.path("file").asText()).isEqualTo("app.yaml");
            assertThat(d.path("line").asInt()).isGreaterThan(30);
        });
    }

    @Test
    void shouldValidateTheJsonReportAgainstItsPublishedSchema() throws IOException {
        var schema = Outcomes.reportSchema();
        JsonNode report = mapper.readTree(Outcomes.render(new JsonReportWriter(), outcome()));
        assertThat(schema.validate(report)).isEmpty();
        ((com.fasterxml.jackson.databind.node.ObjectNode) report.path("findings").get(0)).remove("fingerprint");
        assertThat(schema.validate(report)).isNotEmpty();
    }

    @Test
    void shouldWriteStructurallyValidSarif() throws IOException {
        JsonNode sarif = mapper.readTree(Outcomes.render(new SarifReportWriter(), outcome()));
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.path("runs").get(0);
        JsonNode rules = run.path("tool").path("driver").path("rules");
        assertThat(rules).isNotEmpty();
        JsonNode results = run.path("results");
        assertThat(results).hasSize(2);
        for (JsonNode r : results) {
            int index = r.path("ruleIndex").asInt();
            assertThat(rules.get(index).path("id").asText()).isEqualTo(r.path("ruleId").asText());
            assertThat(r.path("level").asText()).isIn("error", "warning", "note");
            assertThat(r.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri")
                    .asText()).isEqualTo("app.yaml");
            assertThat(r.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt())
                    .isPositive();
            assertThat(r.path("partialFingerprints").path(SarifReportWriter.FINGERPRINT_KEY).asText()).hasSize(32);
        }
        assertThat(results).filteredOn(r -> r.has("suppressions")).singleElement()
                .satisfies(r -> assertThat(r.path("suppressions").get(0).path("kind").asText()).isEqualTo("inSource"));
        assertThat(rules.get(0).path("properties").path("security-severity").asText()).isEqualTo("9.5");
        JsonNode invocation = run.path("invocations").get(0);
        assertThat(invocation.path("executionSuccessful").asBoolean()).isFalse();
        assertThat(invocation.path("toolExecutionNotifications")).isNotEmpty();
    }

    @Test
    void shouldWriteJUnitXmlWithOneCasePerCheckAndResource() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(Outcomes.render(new JUnitReportWriter(), outcome()))));
        NodeList suites = xml.getElementsByTagName("testsuite");
        Element check = null;
        for (int i = 0; i < suites.getLength(); i++) {
            Element s = (Element) suites.item(i);
            if (s.getAttribute("name").startsWith("K8S-WL-001")) {
                check = s;
            }
        }
        assertThat(check).isNotNull();
        assertThat(check.getAttribute("tests")).isEqualTo("3");
        assertThat(check.getAttribute("failures")).isEqualTo("1");
        assertThat(check.getAttribute("skipped")).isEqualTo("1");
        assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(((Element) xml.getElementsByTagName("failure").item(0)).getAttribute("type"))
                .isEqualTo("CRITICAL");
        assertThat(xml.getElementsByTagName("error").getLength()).isEqualTo(1);
    }

    @Test
    void shouldWriteAMarkdownSummaryWithEscapedValues() throws IOException {
        String md = Outcomes.render(new MarkdownReportWriter(), outcome());
        assertThat(md).startsWith("## ❌ K8s Security Gate: FAIL");
        assertThat(md).contains("| Findings | 1 | 0 | 0 | 0 | 0 |").contains("### Input errors")
                .contains("K8S-WL-001");
        assertThat(md).doesNotContain("<script>").doesNotContain("<img");
        assertThat(md).contains("&lt;script&gt;");
    }

    @Test
    void shouldTruncateMarkdownToItsLimitWithAPointer() throws IOException {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            many.append("---\napiVersion: v1\nkind: Pod\nmetadata: {name: p").append(i)
                    .append("}\nspec:\n  containers:\n    - name: c\n      image: a:1\n")
                    .append("      securityContext: {privileged: true}\n");
        }
        GateOutcome big = Outcomes.run(dir, many.toString(), "failOn: HIGH\n");
        String md = new MarkdownReportWriter(8_000).render(big);
        assertThat(md.length()).isLessThanOrEqualTo(8_000);
        assertThat(md).contains("more not shown").contains("This summary is truncated")
                .contains(ReportFormat.HTML.fileName());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(ReportFormat.class)
    void shouldNeverWriteSecretValues(final ReportFormat format) throws IOException {
        assertThat(Outcomes.render(format.writer(), outcome())).doesNotContain("hunter2");
    }

    @Test
    void shouldWriteEveryFormatIntoADirectoryWithTheStylesheet() throws IOException {
        Path out = dir.resolve("reports");
        List<Path> written = ReportFiles.write(outcome(), EnumSet.allOf(ReportFormat.class), out);
        assertThat(written).hasSize(ReportFormat.values().length + 1);
        assertThat(out.resolve(ReportFiles.STYLESHEET)).exists();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void shouldParseFormatNames() {
        assertThat(ReportFormat.parse("markdown")).contains(ReportFormat.MARKDOWN);
        assertThat(ReportFormat.parse(" SARIF ")).contains(ReportFormat.SARIF);
        assertThat(ReportFormat.parse("pdf")).isEmpty();
    }

    @Test
    void shouldPrintAConsoleSummaryWithoutControlCharacters() throws IOException {
        String text = ConsoleSummary.render(outcome(), 0);
        assertThat(text).startsWith("K8s Security Gate").contains("FAIL").contains("ERROR app.yaml:")
                .contains("more finding(s)");
        assertThat(text.chars().filter(c -> c < 0x20 && c != '\n' && c != '\t')).isEmpty();
    }
}
