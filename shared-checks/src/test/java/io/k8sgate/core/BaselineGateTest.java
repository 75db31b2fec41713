package io.k8sgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k8sgate.core.baseline.BaselineReference;
import io.k8sgate.core.baseline.DirectoryStore;
import io.k8sgate.core.baseline.RedactionKey;
import io.k8sgate.core.check.workload.PrivilegedContainerCheck;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.policy.GateStatus;
import io.k8sgate.core.policy.Policy;
import io.k8sgate.core.registry.CheckRegistry;
import io.k8sgate.core.report.ConsoleSummary;
import io.k8sgate.core.report.ReportFormat;
import io.k8sgate.fixtures.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineGateTest {
    private static final String PRIVILEGED_SIDECAR = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: debug
              namespace: shop
            spec:
              containers:
                - name: shell
                  image: busybox:1.36
                  securityContext:
                    privileged: true
            """;

    /** Only the privileged-container check, so that the expected findings stay fixed as the catalogue grows. */
    private static final SecurityGate GATE = new SecurityGate(new CheckRegistry(List.of(
            new PrivilegedContainerCheck())), new ManifestLoader());

    @TempDir
    Path temp;

    private GateRequest request(final String app) {
        return GateRequest.of(Fixtures.path("baselines/app/" + app), List.of("."));
    }

    private DirectoryStore storeWith(final String app, final boolean force) {
        DirectoryStore store = new DirectoryStore(temp.resolve("store"));
        new Baselines(GATE).record(request(app), store,
                new Baselines.RecordOptions(force, Optional.of("build"), Optional.empty()));
        return store;
    }

    @Test
    void shouldDigestAndCompareSecretsWithTheKeyOfTheStore() {
        RedactionKey team = RedactionKey.of("the-team-key-from-the-ci-credential-store", "test");
        RedactionKey other = RedactionKey.of("another-agent-with-a-key-of-its-own-0123", "test");
        new Baselines(GATE).record(request("v1"), new DirectoryStore(temp.resolve("store"), team),
                new Baselines.RecordOptions(true, Optional.empty(), Optional.empty()));

        GateOutcome same = GATE.run(request("v1").withBaseline(BaselineReference.latest(
                new DirectoryStore(temp.resolve("store"), team))));
        GateOutcome foreign = GATE.run(request("v1").withBaseline(BaselineReference.latest(
                new DirectoryStore(temp.resolve("store"), other))));

        assertThat(same.baseline().orElseThrow().drift()).isEmpty();
        assertThat(foreign.baseline().orElseThrow().drift()).isNotEmpty().allSatisfy(c -> assertThat(c.security())
                .startsWith("secret; not comparable: digested with another key (" + team.id() + " -> "
                        + other.id() + ")"));
    }

    @Test
    void shouldRecordOnlyWhenTheGatePassesUnlessForced() {
        DirectoryStore store = new DirectoryStore(temp.resolve("store"));
        Baselines baselines = new Baselines(GATE);

        Baselines.RecordResult failing = baselines.record(request("v2"), store, Baselines.RecordOptions.DEFAULT);
        Baselines.RecordResult passing = baselines.record(request("v1"), store, Baselines.RecordOptions.DEFAULT);
        Baselines.RecordResult forced = baselines.record(request("v2"), store,
                new Baselines.RecordOptions(true, Optional.empty(), Optional.of("abc")));

        assertThat(failing.recorded()).isEmpty();
        assertThat(failing.reason()).startsWith("Not recorded: the gate failed");
        assertThat(passing.recorded().orElseThrow().version()).isEqualTo(1);
        assertThat(forced.recorded().orElseThrow().metadata().sourceRevision()).contains("abc");
        assertThat(forced.recorded().orElseThrow().metadata().policyHash()).startsWith("sha256:");
        assertThat(store.history()).hasSize(2);
    }

    @Test
    void shouldFailOnlyOnNewFindingsWhenTheReferenceHasTheOldOnes() throws Exception {
        DirectoryStore store = storeWith("v2", true);
        Path work = temp.resolve("work");
        Files.createDirectories(work);
        try (var files = Files.newDirectoryStream(Fixtures.path("baselines/app/v2"))) {
            for (Path f : files) {
                Files.copy(f, work.resolve(f.getFileName()));
            }
        }
        Policy newOnly = Policy.DEFAULT.withNewFindingsOnly(true);
        GateRequest same = GateRequest.of(work, List.of(".")).withPolicy(newOnly)
                .withBaseline(BaselineReference.latest(store));

        GateOutcome outstanding = GATE.run(same);
        Files.writeString(work.resolve("debug.yaml"), PRIVILEGED_SIDECAR);
        GateOutcome added = GATE.run(same);
        GateOutcome everything = GATE.run(same.withPolicy(Policy.DEFAULT));

        assertThat(outstanding.status()).isEqualTo(GateStatus.PASS);
        assertThat(outstanding.baseline().orElseThrow().outstanding()).hasSize(1);
        assertThat(added.status()).isEqualTo(GateStatus.FAIL);
        assertThat(added.decision().summary()).contains("1 new finding(s)", "Pod/shop/debug");
        assertThat(added.findings()).filteredOn(added.baseline().orElseThrow()::isNew)
                .extracting(f -> f.resource().name()).containsExactly("debug");
        assertThat(added.baseline().orElseThrow().drift()).extracting(c -> c.kind() + " " + c.resource().display())
                .containsExactly("ADDED Pod/shop/debug");
        assertThat(everything.status()).isEqualTo(GateStatus.FAIL);
        assertThat(everything.decision().summary()).contains("2 finding(s)");
    }

    @Test
    void shouldFailClosedWhenTheReferenceCannotBeRead() throws Exception {
        DirectoryStore store = storeWith("v1", false);
        Files.writeString(store.file(1), "{ \"schemaVersion\" : 1, \"metad");

        GateOutcome outcome = GATE.run(request("v1").withPolicy(Policy.DEFAULT.withNewFindingsOnly(true))
                .withBaseline(BaselineReference.latest(store)));

        assertThat(outcome.status()).isEqualTo(GateStatus.FAIL);
        assertThat(outcome.baseline()).isEmpty();
        assertThat(outcome.diagnostics()).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo("baseline-unreadable");
            assertThat(d.message()).contains("version 1", "not valid JSON");
        });
    }

    @Test
    void shouldFailClosedWhenTheStoreIsMissing() {
        GateOutcome outcome = GATE.run(request("v1").withBaseline(BaselineReference.latest(
                new DirectoryStore(temp.resolve("nowhere")))));

        assertThat(outcome.status()).isEqualTo(GateStatus.FAIL);
        assertThat(outcome.decision().summary()).contains("No baseline store at");
    }

    @Test
    void shouldReportTheComparisonInJsonAndOnTheConsole() throws Exception {
        DirectoryStore store = storeWith("v1", false);

        GateOutcome outcome = GATE.run(request("v2").withBaseline(new BaselineReference(store, OptionalLong.of(1))));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ReportFormat.JSON.writer().write(outcome, json);
        JsonNode report = new ObjectMapper().readTree(json.toByteArray());
        JsonNode baseline = report.get("baseline");
        com.networknt.schema.JsonSchema schema;
        try (var in = io.k8sgate.core.report.JsonReportWriter.class.getResourceAsStream("report.schema.json")) {
            schema = com.networknt.schema.JsonSchemaFactory.getInstance(
                    com.networknt.schema.SpecVersion.VersionFlag.V202012).getSchema(new ObjectMapper().readTree(in));
        }

        assertThat(baseline.get("reference").asText()).startsWith("baseline v1 (recorded ").contains("build build");
        assertThat(baseline.at("/counts/newFindings").asInt()).isEqualTo(1);
        assertThat(baseline.at("/drift/added/0").asText()).isEqualTo("Ingress/shop/web");
        assertThat(baseline.at("/drift/securityRelevantChanges").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(json.toString(java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("another-plain-text-password");
        assertThat(schema.validate(report)).isEmpty();
        ((com.fasterxml.jackson.databind.node.ObjectNode) baseline).remove("drift");
        assertThat(schema.validate(report)).isNotEmpty();
        assertThat(ConsoleSummary.render(outcome, 5))
                .containsPattern("Compared with baseline v1 \\(recorded [^)]*\\): 1 new, 0 outstanding, 0 fixed "
                        + "finding\\(s\\); drift: 1 added, 0 removed, 3 changed \\(6 security-relevant");
    }

    @Test
    void shouldLeaveTheJsonReportWithoutBaselineWhenThereIsNone() throws Exception {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ReportFormat.JSON.writer().write(GATE.run(request("v1")), json);

        assertThat(new ObjectMapper().readTree(json.toByteArray()).has("baseline")).isFalse();
    }

    @Test
    void shouldMarkSecurityRelevantDriftInTheHtmlAndMarkdownReports() throws Exception {
        DirectoryStore store = storeWith("v1", false);
        GateOutcome outcome = GATE.run(request("v2").withBaseline(BaselineReference.latest(store)));

        ByteArrayOutputStream html = new ByteArrayOutputStream();
        ReportFormat.HTML.writer().write(outcome, html);
        ByteArrayOutputStream markdown = new ByteArrayOutputStream();
        ReportFormat.MARKDOWN.writer().write(outcome, markdown);

        assertThat(html.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("<span class=\"badge badge-security\">security: privileged</span>")
                .doesNotContain("another-plain-text-password");
        assertThat(markdown.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("**security: exposure**");
    }
}
