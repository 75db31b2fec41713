package io.k8sgate.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k8sgate.core.GateOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every format says what produced the objects (chart, kustomization), which findings are Helm hooks, where a finding
 * is in the rendered output, what was skipped and what is defined twice (issue #13). HTML and Markdown are compared
 * with golden files in {@link ReportGoldenTest}.
 */
class RenderedInputsReportTest {
    private final GateOutcome outcome = ReportSamples.rendered();
    private final ObjectMapper mapper = new ObjectMapper();

    private static byte[] write(final ReportWriter writer, final GateOutcome o) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(o, out);
        return out.toByteArray();
    }

    @Test
    void shouldListRenderedSourcesSkippedDocumentsAndDuplicatesInJson() throws IOException {
        JsonNode json = mapper.readTree(write(new JsonReportWriter(), outcome));

        JsonNode inputs = json.path("inputs");
        assertThat(inputs.path("rendered")).hasSize(2);
        JsonNode chart = inputs.path("rendered").get(0);
        assertThat(chart.path("renderer").asText()).isEqualTo("helm");
        assertThat(chart.path("release").asText()).isEqualTo("shop");
        assertThat(chart.path("setKeys").get(0).asText()).isEqualTo("image.tag");
        assertThat(chart.path("objects").get(1).path("hook").asText()).isEqualTo("pre-install,pre-upgrade");
        assertThat(chart.path("objects").get(0).has("hook")).isFalse();
        assertThat(inputs.path("skipped").get(1).path("file").asText()).isEqualTo("web/package.json");
        assertThat(inputs.path("duplicates").get(0).path("definitions")).hasSize(2);
        JsonNode hooked = json.path("findings").findParents("checkId").stream()
                .filter(f -> f.path("properties").has("helmHook")).findFirst().orElseThrow();
        assertThat(hooked.path("file").asText()).isEqualTo("charts/shop/templates/hooks/migrate-job.yaml");
        assertThat(hooked.path("properties").path("rendered").asText()).startsWith("line 15 of `helm template");
    }

    @Test
    void shouldValidateTheInputsAgainstTheReportSchema() throws IOException {
        var schema = Outcomes.reportSchema();
        JsonNode report = mapper.readTree(write(new JsonReportWriter(), outcome));
        assertThat(schema.validate(report)).isEmpty();

        ((com.fasterxml.jackson.databind.node.ObjectNode) report.path("inputs")).remove("skipped");
        assertThat(schema.validate(report)).isNotEmpty();
    }

    @Test
    void shouldNoteSkippedDocumentsAndRenderedSourcesInSarif() throws IOException {
        JsonNode run = mapper.readTree(write(new SarifReportWriter(), outcome)).path("runs").get(0);

        assertThat(run.path("properties").path("renderedSources").asText())
                .contains("chart shop 1.4.0 (charts/shop)", "kustomization deploy/overlays/prod");
        assertThat(run.path("invocations").get(0).path("toolExecutionNotifications").findValuesAsText("text"))
                .contains("Skipped: Document 1 has no apiVersion and kind: not a Kubernetes object [skipped]");
        JsonNode hooked = run.path("results").findParents("ruleId").stream()
                .filter(r -> r.path("properties").has("helmHook")).findFirst().orElseThrow();
        assertThat(hooked.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri")
                .asText()).isEqualTo("charts/shop/templates/hooks/migrate-job.yaml");
        assertThat(hooked.path("properties").path("producedBy").asText()).startsWith("chart shop 1.4.0");
    }

    @Test
    void shouldWriteSkippedDocumentsAsSkippedCasesInJUnit() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(write(new JUnitReportWriter(), outcome)));

        Element inputs = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(inputs.getAttribute("name")).isEqualTo("inputs");
        assertThat(inputs.getAttribute("skipped")).isEqualTo("2");
        assertThat(inputs.getAttribute("tests")).isEqualTo("4");
        NodeList skipped = inputs.getElementsByTagName("skipped");
        assertThat(((Element) skipped.item(0)).getAttribute("message"))
                .isEqualTo("Document 1 has no apiVersion and kind: not a Kubernetes object");
        String text = new String(write(new JUnitReportWriter(), outcome), StandardCharsets.UTF_8);
        assertThat(text).contains("rendered chart shop 1.4.0 (charts/shop)", "Helm hook: pre-install,pre-upgrade",
                "Rendered: line 23 of `helm template shop charts/shop");
    }

    @Test
    void shouldPrintRenderedSourcesSkippedDocumentsAndHooksOnTheConsole() {
        String console = ConsoleSummary.render(outcome, 10);

        assertThat(console).contains("  Rendered chart shop 1.4.0 (charts/shop), release shop, namespace shop, values "
                + "charts/shop/values-prod.yaml, --set image.tag: 3 object(s), 2 of them Helm hooks\n")
                .contains("  Rendered kustomization deploy/overlays/prod: 1 object(s)\n")
                .contains("  Skipped 2 document(s) that are not Kubernetes objects: cloudbuild.yaml:1, "
                        + "web/package.json:1\n")
                .contains("Job/shop/shop-migrate [migrate] (Helm hook) charts/shop/templates/hooks/migrate-job.yaml:15")
                .contains("WARNING deploy/b-web.yaml:2: Deployment/shop/web is defined 2 times");
    }
}
