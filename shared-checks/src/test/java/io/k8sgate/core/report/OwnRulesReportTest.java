package io.k8sgate.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.policy.PolicyLoader;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Custom checks and admission policies appear in every report format like built-in checks. */
class OwnRulesReportTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    private final ObjectMapper mapper = new ObjectMapper();

    private static GateOutcome custom() {
        SecurityGate gate = new SecurityGate();
        Path root = Fixtures.path("rules/custom");
        return gate.run(GateRequest.of(root, List.of("manifests")).withPolicy(new PolicyLoader(gate.checkIds())
                .load(root.resolve("k8s-security.yaml"))).withClock(CLOCK));
    }

    private static GateOutcome admission() {
        return new SecurityGate().run(GateRequest.of(Fixtures.path("rules/admission/label-requirements"),
                List.of(".")));
    }

    @Test
    void shouldDescribeCustomChecksAsSarifRulesWithTheirResults() throws IOException {
        JsonNode sarif = mapper.readTree(Outcomes.render(new SarifReportWriter(), custom()));

        JsonNode run = sarif.path("runs").get(0);
        List<String> rules = new ArrayList<>();
        run.path("tool").path("driver").path("rules").forEach(r -> rules.add(r.path("id").asText()));
        assertThat(rules).contains("ACME-001", "ACME-002", "ACME-003", "ACME-004", "ACME-005", "ACME-006");
        JsonNode rule = null;
        for (JsonNode r : run.path("tool").path("driver").path("rules")) {
            if (r.path("id").asText().equals("ACME-002")) {
                rule = r;
            }
        }
        assertThat(rule).isNotNull();
        assertThat(rule.path("shortDescription").path("text").asText()).isEqualTo("Workloads name their owning team");
        assertThat(rule.toString()).contains("custom").contains("https://wiki.acme.io/labels");
        List<String> results = new ArrayList<>();
        run.path("results").forEach(r -> results.add(r.path("ruleId").asText() + " " + r.path("message")
                .path("text").asText()));
        assertThat(results).anyMatch(r -> r.startsWith("ACME-004 ") && r.contains("host networking"));
    }

    @Test
    void shouldShowCustomChecksInJsonJunitHtmlAndMarkdown() throws IOException {
        GateOutcome outcome = custom();

        JsonNode json = mapper.readTree(Outcomes.render(new JsonReportWriter(), outcome));
        assertThat(json.path("findings").toString()).contains("\"checkId\":\"ACME-003\"")
                .contains("\"category\":\"custom\"").contains("replicas is 1, production needs 2");
        assertThat(Outcomes.render(new JUnitReportWriter(), outcome)).contains("ACME-003").contains("production "
                + "needs 2");
        assertThat(Outcomes.render(new HtmlReportWriter(), outcome)).contains("ACME-004").contains("host networking "
                + "in a restricted namespace");
        assertThat(Outcomes.render(new MarkdownReportWriter(), outcome)).contains("ACME-004");
    }

    @Test
    void shouldShowAdmissionFindingsWithPolicyBindingAndActions() throws IOException {
        GateOutcome outcome = admission();

        JsonNode json = mapper.readTree(Outcomes.render(new JsonReportWriter(), outcome));
        assertThat(json.path("findings").toString()).contains("VAP-require-environment-label")
                .contains("require-environment-label-warn").contains("\"enforcement\":\"warn\"");
        JsonNode sarif = mapper.readTree(Outcomes.render(new SarifReportWriter(), outcome));
        assertThat(sarif.path("runs").get(0).path("tool").path("driver").path("rules").toString())
                .contains("VAP-require-environment-label");
        assertThat(Outcomes.render(new HtmlReportWriter(), outcome)).contains("Validation failed for "
                + "ValidatingAdmissionPolicy &#39;require-environment-label&#39;");
    }
}
