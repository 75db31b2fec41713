package io.k8sgate.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.fixtures.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every report shows which checks a finding also answers, where it shows the finding's details. */
class AlsoViolatesReportTest {
    private static final String SOCKET_ALSO = "K8S-WL-005, K8S-WL-021";
    private static GateOutcome outcome;

    @BeforeAll
    static void run() {
        outcome = new SecurityGate().run(GateRequest.of(Fixtures.root(), List.of("overrides/replaced.yaml")));
    }

    private static String write(final ReportFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.writer().write(outcome, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<JsonNode> withRule(final JsonNode array, final String field, final String id) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(n -> {
            if (id.equals(n.path(field).asText())) {
                out.add(n);
            }
        });
        return out;
    }

    @Test
    void shouldNameTheReplacedChecksInJsonAndSarifProperties() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode report = json.readTree(write(ReportFormat.JSON));
        JsonNode sarif = json.readTree(write(ReportFormat.SARIF));

        assertThat(withRule(report.path("findings"), "checkId", "K8S-WL-063"))
                .singleElement().satisfies(f -> assertThat(f.path("properties").path("alsoViolates").asText())
                        .isEqualTo(SOCKET_ALSO));
        assertThat(withRule(report.path("findings"), "checkId", "K8S-WL-021")).isEmpty();
        assertThat(withRule(sarif.path("runs").path(0).path("results"), "ruleId", "K8S-WL-063"))
                .singleElement().satisfies(r -> assertThat(r.path("properties").path("alsoViolates").asText())
                        .isEqualTo(SOCKET_ALSO));
    }

    @Test
    void shouldShowThemBesideTheFindingInHtmlMarkdownAndTheConsole() throws IOException {
        assertThat(write(ReportFormat.HTML)).contains("<dt>alsoViolates</dt><dd>" + SOCKET_ALSO + "</dd>");
        assertThat(write(ReportFormat.MARKDOWN)).contains("also violates: `" + SOCKET_ALSO + "`");
        assertThat(ConsoleSummary.render(outcome, 100)).contains("(also violates " + SOCKET_ALSO + ")",
                "(also violates K8S-WL-022, K8S-WL-026)");
    }
}
