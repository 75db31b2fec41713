package io.k8sgate.core.report;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.policy.Policy;
import io.k8sgate.core.policy.PolicyLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Builds real outcomes for report tests by running the gate over YAML written to a directory. */
final class Outcomes {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

    private Outcomes() {
    }

    /** The JSON report's published schema. */
    static com.networknt.schema.JsonSchema reportSchema() throws IOException {
        try (var in = JsonReportWriter.class.getResourceAsStream("report.schema.json")) {
            return com.networknt.schema.JsonSchemaFactory.getInstance(
                    com.networknt.schema.SpecVersion.VersionFlag.V202012)
                    .getSchema(new com.fasterxml.jackson.databind.ObjectMapper().readTree(in));
        }
    }

    static GateOutcome run(final Path dir, final String yaml, final String policy) throws IOException {
        Files.writeString(dir.resolve("app.yaml"), yaml);
        SecurityGate gate = new SecurityGate();
        Policy p = new PolicyLoader(gate.checkIds()).parse("k8s-security.yaml", policy);
        return gate.run(GateRequest.of(dir, List.of("app.yaml")).withPolicy(p).withClock(CLOCK));
    }

    /**
     * Policy lines that turn off every check but K8S-WL-001, so that the report tests keep a fixed set of findings
     * however the catalogue grows.
     */
    static String onlyPrivilegedCheck() {
        StringBuilder policy = new StringBuilder("checks:\n");
        new SecurityGate().checkIds().stream().filter(id -> !"K8S-WL-001".equals(id)).sorted()
                .forEach(id -> policy.append("  ").append(id).append(": false\n"));
        return policy.toString();
    }

    static String render(final ReportWriter writer, final GateOutcome outcome) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(outcome, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static final String PRIVILEGED = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
            spec:
              template:
                metadata:
                  annotations:
                    k8sgate.io/exempt.K8S-WL-001: "debug sidecar, removed next sprint"
                spec:
                  containers:
                    - name: web
                      image: web:1
                      securityContext: {privileged: true}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: "<script>alert(1)</script>"
              namespace: shop
            spec:
              containers:
                - name: "x\\"><img src=x onerror=alert(1)>"
                  image: app:1
                  securityContext:
                    privileged: true
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: creds, namespace: shop}
            stringData:
              password: hunter2-do-not-print
            ---
            broken: [
            """;
}
