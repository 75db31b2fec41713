package io.k8sgate.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.report.SarifReportWriter;
import io.k8sgate.fixtures.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Our SARIF validates against the official SARIF 2.1.0 schema (from ../shared/reference, next to the corpus). */
class SarifSchemaConformanceTest {
    @Test
    void shouldValidateAgainstTheOfficialSchema() throws IOException {
        Path corpus = Corpus.require(".");
        Path schemaFile = corpus.toAbsolutePath().normalize().getParent().resolve("reference/sarif-schema-2.1.0.json");
        assumeTrue(Files.isRegularFile(schemaFile), "SARIF schema not found at " + schemaFile + ": suite skipped");
        ObjectMapper mapper = new ObjectMapper();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                .getSchema(mapper.readTree(schemaFile.toFile()));
        for (String input : List.of("checks", "invalid", "samples")) {
            GateOutcome outcome = new SecurityGate().run(GateRequest.of(Fixtures.root(), List.of(input))
                    .withPolicy(io.k8sgate.core.policy.Policy.DEFAULT.withEnableAll(true)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new SarifReportWriter().write(outcome, out);
            JsonNode sarif = mapper.readTree(out.toByteArray());
            Set<ValidationMessage> errors = schema.validate(sarif);
            assertThat(errors).as("SARIF for fixtures/%s", input).isEmpty();
            assertThat(sarif.path("runs").get(0).path("results").size() + outcome.diagnostics().size())
                    .as("the run for %s has something to show", input).isPositive();
        }
        // Image reports: vulnerabilities of images and of scans of a source tree (placed in the reports), scan
        // misconfigurations and secrets, Trivy-Operator audits and a cluster scan's results that name no image.
        GateOutcome images = new SecurityGate().run(GateRequest.of(Fixtures.root(), List.of("checks/K8S-IMG-009",
                "checks/K8S-IMG-006", "checks/K8S-IMG-007")).withTrivy(List.of("trivy/checks/K8S-IMG-009/source-tree/*",
                "trivy/checks/K8S-IMG-006/deployment/*", "trivy/checks/K8S-IMG-007/configmap/*",
                "trivy/trivy_k8s_summary_go_binaries.json", "trivy/trivy_operator_configauditreport.yaml",
                "trivy/trivy_operator_exposedsecretreport.json", "trivy/trivy_schema2_fs_secrets_licenses.json"),
                List.of(), List.of()).withPolicy(io.k8sgate.core.policy.Policy.DEFAULT.withEnableAll(true)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SarifReportWriter().write(images, out);
        JsonNode sarif = mapper.readTree(out.toByteArray());
        assertThat(schema.validate(sarif)).as("SARIF of image reports").isEmpty();
        Set<String> rules = new java.util.TreeSet<>();
        sarif.path("runs").get(0).path("results").forEach(r -> rules.add(r.path("ruleId").asText()));
        assertThat(rules).contains("K8S-IMG-001", "K8S-IMG-006", "K8S-IMG-007", "K8S-IMG-009");
    }
}
