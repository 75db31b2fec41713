package io.k8sgate.core.check.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.policy.ConfigurationException;
import io.k8sgate.core.policy.GateStatus;
import io.k8sgate.core.policy.Policy;
import io.k8sgate.core.policy.PolicyLoader;
import io.k8sgate.fixtures.Fixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Custom checks of the policy file, from reading to the decision, against rules/custom. */
class CustomChecksTest {
    private static final Path ROOT = Fixtures.path("rules/custom");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    private final SecurityGate gate = new SecurityGate();

    private Policy policy(final String file) {
        return new PolicyLoader(gate.checkIds()).load(ROOT.resolve(file));
    }

    private GateOutcome run(final Policy policy) {
        return gate.run(GateRequest.of(ROOT, List.of("manifests")).withPolicy(policy).withClock(CLOCK));
    }

    private static List<Finding> of(final GateOutcome outcome, final String id) {
        return outcome.findings().stream().filter(f -> f.checkId().equals(id)).toList();
    }

    private static Set<String> resources(final List<Finding> findings) {
        return findings.stream().map(f -> f.resource().display()).collect(Collectors.toSet());
    }

    @Test
    void shouldFindViolationsOfEveryKindOfCustomCheck() {
        GateOutcome outcome = run(policy("k8s-security.yaml"));

        List<Finding> registry = of(outcome, "ACME-001");
        assertThat(resources(registry)).containsExactlyInAnyOrder("Deployment/prod/web", "Pod/dev/debug",
                "CronJob/prod/report");
        assertThat(registry).filteredOn(f -> f.resource().name().equals("web")).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).isEqualTo("image not from registry.acme.io/: "
                            + "docker.io/envoyproxy/envoy:v1.30");
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                    assertThat(f.category()).isEqualTo(Category.CUSTOM);
                    assertThat(f.location().file()).isEqualTo("manifests/app.yaml");
                    assertThat(f.location().line()).isEqualTo(8);
                    assertThat(f.remediation()).isEqualTo("Push the image to registry.acme.io and reference it "
                            + "there");
                    assertThat(f.isSuppressed()).isFalse();
                });
        assertThat(registry).filteredOn(f -> f.resource().kind().equals("CronJob")).singleElement()
                .satisfies(f -> assertThat(f.suppression()).hasValueSatisfying(s -> {
                    assertThat(s.source()).isEqualTo("annotation");
                    assertThat(s.reason()).isEqualTo("The vendor image is mirrored next quarter");
                }));

        assertThat(of(outcome, "ACME-002")).singleElement().satisfies(f -> {
            assertThat(f.resource().display()).isEqualTo("Deployment/prod/legacy-billing");
            assertThat(f.message()).isEqualTo("the label team is missing");
            assertThat(f.suppression()).hasValueSatisfying(s -> assertThat(s.source()).isEqualTo("exception"));
        });
        assertThat(of(outcome, "ACME-003")).singleElement().satisfies(f -> {
            assertThat(f.resource().display()).isEqualTo("Deployment/prod/web");
            assertThat(f.message()).isEqualTo("replicas is 1, production needs 2");
        });
        assertThat(of(outcome, "ACME-004")).singleElement().satisfies(f -> {
            assertThat(f.resource().display()).isEqualTo("Deployment/prod/web");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        });
        assertThat(of(outcome, "ACME-005")).singleElement().satisfies(f -> {
            assertThat(f.resource().display()).isEqualTo("Deployment/prod/web");
            assertThat(f.severity()).as("overridden in checks:").isEqualTo(Severity.MEDIUM);
            assertThat(f.message()).as("no message: the title").isEqualTo("Memory limits stay under 2Gi");
        });
        assertThat(of(outcome, "ACME-006")).singleElement().satisfies(f -> {
            assertThat(f.resource().display()).isEqualTo("Service/prod/web-service");
            assertThat(f.message()).isEqualTo("services/web-service repeats its kind");
        });
        assertThat(outcome.diagnostics()).noneMatch(Diagnostic::isError);
        assertThat(outcome.status()).isEqualTo(GateStatus.FAIL);
        assertThat(outcome.decision().reasons()).anyMatch(r -> r.contains("ACME-004 Deployment/prod/web"));
    }

    @Test
    void shouldListCustomChecksWithTheirMetadataLikeBuiltInOnes() {
        GateOutcome outcome = run(policy("k8s-security.yaml"));

        assertThat(outcome.checks()).extracting(CheckMetadata::id).contains("ACME-001", "ACME-006", "K8S-WL-001");
        assertThat(outcome.checks()).filteredOn(m -> m.id().equals("ACME-002")).singleElement().satisfies(m -> {
            assertThat(m.title()).isEqualTo("Workloads name their owning team");
            assertThat(m.description()).isEqualTo("Every workload says which team is paged for it.");
            assertThat(m.references()).containsExactly("https://wiki.acme.io/labels");
            assertThat(m.category()).isEqualTo(Category.CUSTOM);
        });
        assertThat(outcome.checks()).filteredOn(m -> m.id().equals("ACME-003")).singleElement()
                .satisfies(m -> assertThat(m.description()).contains("k8s-security.yaml")
                        .contains("object.spec.replicas >= 2"));
    }

    @Test
    void shouldCountOnlyNewFindingsAgainstAReferenceRun() {
        Policy newOnly = policy("k8s-security.yaml").withNewFindingsOnly(true);
        GateOutcome first = run(newOnly);
        Set<String> fingerprints = first.findings().stream().map(Finding::fingerprint).collect(Collectors.toSet());

        GateOutcome again = gate.run(GateRequest.of(ROOT, List.of("manifests")).withPolicy(newOnly)
                .withClock(CLOCK).withReference(fingerprints));

        assertThat(first.status()).isEqualTo(GateStatus.FAIL);
        assertThat(again.status()).isEqualTo(GateStatus.PASS);
        assertThat(of(again, "ACME-001")).extracting(Finding::fingerprint)
                .containsExactlyInAnyOrderElementsOf(of(first, "ACME-001").stream().map(Finding::fingerprint)
                        .toList());
    }

    @Test
    void shouldNotRunACustomCheckThePolicyDisables() {
        Policy disabled = new PolicyLoader(gate.checkIds()).parse("p.yaml", Fixtures.read(
                "rules/custom/k8s-security.yaml").replace("checks:\n  ACME-005: {severity: MEDIUM}",
                "checks:\n  ACME-005: false\n  ACME-001: {enabled: false}"));

        GateOutcome outcome = run(disabled);

        assertThat(of(outcome, "ACME-005")).isEmpty();
        assertThat(of(outcome, "ACME-001")).isEmpty();
        assertThat(outcome.checks()).extracting(CheckMetadata::id).doesNotContain("ACME-001", "ACME-005")
                .contains("ACME-002");
    }

    @Test
    void shouldFailClosedWhenAnExpressionFailsOnAnObject() {
        // the literal rule of a Deployment applied to Pods and CronJobs, which have no spec.template
        Policy literal = new PolicyLoader(gate.checkIds()).parse("p.yaml", """
                customChecks:
                  - id: ACME-100
                    title: Images come from our registry
                    severity: HIGH
                    match: {kinds: [Deployment, CronJob, Pod]}
                    expression: "object.spec.template.spec.containers.all(c, c.image.startsWith('registry.acme.io/'))"
                    remediation: Push the image to registry.acme.io
                """);

        GateOutcome outcome = run(literal);

        assertThat(outcome.diagnostics()).filteredOn(d -> d.code().equals("custom-check-failed")).singleElement()
                .satisfies(d -> {
                    assertThat(d.isError()).isTrue();
                    assertThat(d.location().line()).isEqualTo(42);
                    assertThat(d.message()).contains("ACME-100").contains("CronJob/prod/report")
                            .contains("'template'").contains("and 1 more time");
                });
        assertThat(of(outcome, "ACME-100")).extracting(f -> f.resource().name()).containsExactly("web");
        assertThat(outcome.status()).isEqualTo(GateStatus.FAIL);
    }

    @Test
    void shouldFindThePodsOfTheKindsThePolicyAdds(@org.junit.jupiter.api.io.TempDir final Path dir)
            throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("build.yaml"), """
                apiVersion: ci.example.com/v1
                kind: BuildJob
                metadata: {name: build, namespace: ci}
                spec:
                  runner:
                    template:
                      spec:
                        containers: [{name: runner, image: docker.io/library/maven:3}]
                """);
        Policy policy = new PolicyLoader(gate.checkIds()).parse("p.yaml", """
                workloadKinds:
                  - apiGroup: ci.example.com
                    kinds: [BuildJob]
                    pods: [spec.runner.template.spec]
                customChecks:
                  - id: ACME-200
                    title: Images come from our registry
                    severity: HIGH
                    expression: "allContainers(object).all(c, c.image.startsWith('registry.acme.io/'))"
                    messageExpression: "allContainers(object).map(c, c.image).join(', ')"
                    remediation: Push the image to registry.acme.io
                """);

        GateOutcome outcome = gate.run(GateRequest.of(dir, List.of(".")).withPolicy(policy).withClock(CLOCK));

        assertThat(of(outcome, "ACME-200")).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("docker.io/library/maven:3"));
    }

    @Test
    void shouldNameFileLineAndColumnOfACompileError() {
        assertThatThrownBy(() -> policy("compile-error.yaml")).isInstanceOfSatisfying(ConfigurationException.class,
                e -> {
                    assertThat(e.problems()).hasSize(3);
                    assertThat(e.problems().get(0).location().line()).isEqualTo(10);
                    assertThat(e.problems().get(0).location().column()).isEqualTo(18);
                    assertThat(e.problems().get(0).message()).startsWith("column 18: customChecks[1] (ACME-011)"
                            + ".expression does not compile: undeclared reference to 'objet'");
                    assertThat(e.problems().get(1).location().line()).isEqualTo(17);
                    assertThat(e.problems().get(1).message()).contains("ACME-012").contains("messageExpression")
                            .contains("expected type 'string' but found 'int'");
                    assertThat(e.problems().get(2).location().line()).isEqualTo(23);
                    assertThat(e.problems().get(2).location().column()).isEqualTo(7);
                    assertThat(e.problems().get(2).message()).contains("expected type 'bool' but found 'string'");
                    assertThat(e.getMessage()).contains("compile-error.yaml:10: column 18");
                });
    }

    @Test
    void shouldRefuseIdsOfBuiltInChecksAndOtherMistakes() {
        assertThatThrownBy(() -> policy("bad-ids.yaml")).isInstanceOfSatisfying(ConfigurationException.class,
                e -> assertThat(e.getMessage())
                        .contains("'K8S-WL-001' is reserved")
                        .contains("'VAP-mine' is reserved")
                        .contains("'acme-1' must be upper-case words")
                        .contains("'ACME-001' is used by another custom check")
                        .contains("customChecks[5] (ACME-002) needs a non-empty title")
                        .contains("customChecks[5] (ACME-002) needs a non-empty remediation")
                        .contains("severity must be one of CRITICAL, HIGH, MEDIUM, LOW, INFO (got 'SEVERE')")
                        .contains("Unknown key 'colour'")
                        .contains(".match.kinds must be a list")
                        .contains("Unknown check id 'ACME-404'"));
    }

    @Test
    void shouldGiveThePolicyNoCustomChecksWhenItHasNone() {
        assertThat(Policy.DEFAULT.customChecks()).isEmpty();
        assertThat(new PolicyLoader(gate.checkIds()).parse("p.yaml", "failOn: HIGH").customChecks()).isEmpty();
        assertThatThrownBy(() -> new PolicyLoader(gate.checkIds()).parse("p.yaml", "customChecks: {a: b}"))
                .hasMessageContaining("customChecks must be a list");
    }
}
