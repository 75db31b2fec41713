package io.k8sgate.core.check.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.ResourceRef;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.policy.GateStatus;
import io.k8sgate.core.policy.Policy;
import io.k8sgate.core.policy.PolicyLoader;
import io.k8sgate.fixtures.Fixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ValidatingAdmissionPolicies among the inputs, modelled on the Kubernetes documentation's examples, judged as the
 * API server would judge creating each object.
 */
class AdmissionPoliciesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    private final SecurityGate gate = new SecurityGate();

    private GateOutcome run(final String scenario) {
        return run(scenario, Policy.DEFAULT);
    }

    private GateOutcome run(final String scenario, final Policy policy) {
        return gate.run(GateRequest.of(Fixtures.path("rules/admission/" + scenario), List.of(".")).withPolicy(policy)
                .withClock(CLOCK));
    }

    private static List<Finding> admission(final GateOutcome outcome) {
        return outcome.findings().stream().filter(f -> f.checkId().startsWith("VAP-")).toList();
    }

    private static List<String> denied(final GateOutcome outcome) {
        return admission(outcome).stream().map(f -> f.checkId() + " " + f.resource().display()).sorted().toList();
    }

    private static List<Diagnostic> diagnostics(final GateOutcome outcome, final String code) {
        return outcome.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
    }

    @Test
    void shouldLimitReplicasWithParamsFromACustomResourceAndFromConfigMaps() {
        GateOutcome outcome = run("replica-limits");

        assertThat(denied(outcome)).containsExactly(
                "VAP-replicalimit-configmap.example.com Deployment/prod-shop/big",
                "VAP-replicalimit-policy.example.com Deployment/test-shop/too-many");
        assertThat(admission(outcome)).filteredOn(f -> f.resource().name().equals("too-many")).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).isEqualTo("ValidatingAdmissionPolicy 'replicalimit-policy.example.com' "
                            + "with binding 'replicalimit-binding-test.example.com' denied request: "
                            + "object.spec.replicas must be no greater than 3");
                    assertThat(f.fieldPath()).isEqualTo("spec.replicas");
                    assertThat(f.location().file()).isEqualTo("apps.yaml");
                    assertThat(f.location().line()).isEqualTo(28);
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                    assertThat(f.category()).isEqualTo(Category.CUSTOM);
                    assertThat(f.properties()).containsEntry(FindingProperties.ADMISSION_POLICY,
                            "replicalimit-policy.example.com").containsEntry(FindingProperties.ADMISSION_BINDING,
                            "replicalimit-binding-test.example.com").containsEntry(FindingProperties.ADMISSION_PARAMS,
                            "ReplicaLimit/default/replica-limit-test.example.com")
                            .containsEntry(FindingProperties.VALIDATION_ACTIONS, "Deny")
                            .containsEntry(FindingProperties.ADMISSION_REASON, "Invalid")
                            .doesNotContainKey(FindingProperties.ENFORCEMENT);
                });
        assertThat(admission(outcome)).filteredOn(f -> f.resource().name().equals("big")).singleElement()
                .satisfies(f -> assertThat(f.message()).endsWith("denied request: at most 10 replicas in prod-shop"));
        assertThat(diagnostics(outcome, "admission-params-not-found")).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("found no params for Deployment/test-shop/too-many")
                        .contains("parameterNotFoundAction Allow").contains("and 2 more times"));
        assertThat(diagnostics(outcome, "admission-namespace-unknown")).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("Namespace 'other'"));
        assertThat(outcome.checks()).filteredOn(m -> m.id().startsWith("VAP-")).extracting(CheckMetadata::id)
                .containsExactly("VAP-replicalimit-configmap.example.com", "VAP-replicalimit-policy.example.com");
    }

    @Test
    void shouldEvaluateTheAdmissionConfigurationOfItsOwnInputsWithoutCheckingIt() {
        Path root = Fixtures.path("rules/admission/replica-limits");
        GateOutcome together = run("replica-limits");

        GateOutcome apart = gate.run(GateRequest.of(root, List.of("apps.yaml"))
                .withAdmissionPolicies(List.of("policy.yaml")).withClock(CLOCK));
        GateOutcome twice = gate.run(GateRequest.of(root, List.of(".")).withAdmissionPolicies(List.of("."))
                .withClock(CLOCK));

        assertThat(denied(apart)).isEqualTo(denied(together)).isNotEmpty();
        assertThat(admission(apart)).extracting(Finding::location).isEqualTo(admission(together).stream()
                .map(Finding::location).toList());
        assertThat(apart.files()).containsExactly("apps.yaml");
        assertThat(apart.resources()).extracting(ResourceRef::kind).doesNotContain("ValidatingAdmissionPolicy",
                "ValidatingAdmissionPolicyBinding", "ReplicaLimit", "CustomResourceDefinition");
        assertThat(apart.findings()).noneMatch(f -> f.location().file().equals("policy.yaml"));
        assertThat(apart.diagnostics()).noneMatch(Diagnostic::isError);
        assertThat(denied(twice)).as("read once when also among the manifests").isEqualTo(denied(together));
        assertThat(twice.diagnostics()).noneMatch(Diagnostic::isError);
    }

    @Test
    void shouldFailClosedOnAMissingAdmissionInputAndWarnAboutOneWithoutPolicies() {
        Path root = Fixtures.path("rules");

        GateOutcome missing = gate.run(GateRequest.of(root, List.of("admission/replica-limits/apps.yaml"))
                .withAdmissionPolicies(List.of("admission/no-such-directory")).withClock(CLOCK));
        GateOutcome empty = gate.run(GateRequest.of(root, List.of("admission/replica-limits/apps.yaml"))
                .withAdmissionPolicies(List.of("custom/manifests")).withClock(CLOCK));

        assertThat(missing.status()).isEqualTo(GateStatus.FAIL);
        assertThat(missing.diagnostics()).filteredOn(Diagnostic::isError).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("input-missing");
            assertThat(d.location().file()).isEqualTo("admission/no-such-directory");
        });
        assertThat(diagnostics(empty, "admission-policies-none")).singleElement().satisfies(d -> assertThat(
                d.message()).isEqualTo("No ValidatingAdmissionPolicy or binding was found in the admission policies "
                        + "(1 file(s) read): nothing is evaluated from them"));
        assertThat(empty.resources()).extracting(ResourceRef::kind).doesNotContain("Service");
        assertThat(admission(empty)).isEmpty();
    }

    @Test
    void shouldKeepImagesToTheRegistryWithExcludedResourcesAndExemptions() {
        GateOutcome outcome = run("image-registries");

        assertThat(admission(outcome)).extracting(f -> f.resource().display() + (f.isSuppressed() ? " (exempt)"
                : "")).containsExactlyInAnyOrder("Pod/shop/from-hub", "DaemonSet/monitoring/log-shipper",
                        "Deployment/shop/vendor-tool (exempt)");
        assertThat(admission(outcome)).allSatisfy(f -> {
            assertThat(f.severity()).as("k8sgate.io/severity").isEqualTo(Severity.CRITICAL);
            assertThat(f.remediation()).isEqualTo("Push the image to registry.example.com and reference it there.");
            assertThat(f.properties()).containsEntry(FindingProperties.VALIDATION_ACTIONS, "Deny, Audit");
        });
    }

    @Test
    void shouldOnlyWarnForBindingsThatWarnOrAudit() {
        Policy onlyCritical = new PolicyLoader(gate.checkIds()).parse("p.yaml", "failOn: CRITICAL\nwarnOn: NONE\n");

        GateOutcome outcome = run("label-requirements", onlyCritical);

        assertThat(admission(outcome)).hasSize(2).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(FindingProperties.isAdvisory(f)).isTrue();
            assertThat(f.fieldPath()).isEqualTo("metadata.labels");
        });
        assertThat(admission(outcome)).filteredOn(f -> f.resource().kind().equals("Deployment")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("Validation failed for ValidatingAdmissionPolicy "
                        + "'require-environment-label' with binding 'require-environment-label-warn': the label "
                        + "environment is required"));
        assertThat(admission(outcome)).filteredOn(f -> f.resource().kind().equals("Service")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("validationActions Audit"));
        assertThat(outcome.status()).isEqualTo(GateStatus.WARN);
        assertThat(outcome.decision().reasons()).anyMatch(r -> r.contains("only warn"));
    }

    @Test
    void shouldSelectByTheLabelsOfTheNamespaceAndOfANamespaceItself() {
        GateOutcome outcome = run("namespace-selectors");

        assertThat(denied(outcome)).containsExactly("VAP-no-latest-in-production Deployment/shop/web",
                "VAP-production-namespaces-enforce-pss Namespace/shop");
        assertThat(diagnostics(outcome, "admission-namespace-unknown")).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("'unknown-team'"));
    }

    @Test
    void shouldSkipWhatMatchConditionsExclude() {
        GateOutcome outcome = run("match-conditions");

        assertThat(denied(outcome)).containsExactly("VAP-apps-name-an-owner ConfigMap/shop/web-config");
        assertThat(admission(outcome).get(0).message()).endsWith("configmaps of app web names no owner");
    }

    @Test
    void shouldEvaluateVariablesInOrderWithTheNamespaceObject() {
        GateOutcome outcome = run("variables");

        assertThat(denied(outcome)).containsExactly(
                "VAP-image-matches-namespace-environment.policy.example.com Deployment/staging/wrong-environment");
        assertThat(admission(outcome).get(0).message()).endsWith(
                "only staging images are allowed in namespace staging");
        assertThat(outcome.diagnostics()).noneMatch(Diagnostic::isError);
    }

    @Test
    void shouldRefusePoliciesThatDoNotCompileWithFileLineAndColumn() {
        GateOutcome outcome = run("compile-error");

        List<Diagnostic> compile = diagnostics(outcome, "admission-policy-compile");
        assertThat(compile).hasSize(2);
        assertThat(compile.get(0).location().line()).isEqualTo(14);
        assertThat(compile.get(0).location().column()).isEqualTo(16);
        assertThat(compile.get(0).message()).contains("validations[0].expression does not compile")
                .contains("undefined field 'namspace'");
        assertThat(compile.get(1).location().line()).isEqualTo(17);
        assertThat(compile.get(1).location().column()).isEqualTo(9);
        assertThat(compile.get(1).message()).contains("expected type 'string' but found 'int'");
        assertThat(diagnostics(outcome, "admission-policy-invalid")).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("may not hold both Deny and Warn"));
        assertThat(diagnostics(outcome, "admission-binding-unbound")).isEmpty();
        assertThat(admission(outcome)).isEmpty();
        assertThat(outcome.status()).as("fails closed").isEqualTo(GateStatus.FAIL);
    }

    @Test
    void shouldDenyOnErrorsUnderFailAndWarnThatTheClusterAdmitsUnderIgnore() {
        GateOutcome outcome = run("runtime-errors");

        assertThat(denied(outcome)).containsExactly(
                "VAP-limits-from-params Deployment/shop/no-replicas-field",
                "VAP-limits-from-params Deployment/shop/three",
                "VAP-replicas-bounded-fail Deployment/shop/no-replicas-field");
        assertThat(admission(outcome)).filteredOn(f -> f.checkId().equals("VAP-replicas-bounded-fail"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("denied request: expression "
                        + "'object.spec.replicas <= 5' resulted in error").contains("'replicas'"));
        assertThat(admission(outcome)).filteredOn(f -> f.checkId().equals("VAP-limits-from-params"))
                .allSatisfy(f -> assertThat(f.message()).endsWith("failed to configure binding: no params found for "
                        + "policy binding with `Deny` parameterNotFoundAction"));
        List<Diagnostic> ignored = diagnostics(outcome, "admission-policy-error-ignored");
        assertThat(ignored).extracting(Diagnostic::level).containsOnly(Diagnostic.Level.WARNING);
        assertThat(ignored).anySatisfy(d -> assertThat(d.message()).contains("'replicas-bounded-ignore'")
                .contains("with failurePolicy Ignore the cluster would admit it"));
        assertThat(ignored).anySatisfy(d -> assertThat(d.message()).contains("'only-admins-scale'")
                .contains("authorizer checks are not evaluated before deploy"));
    }

    @Test
    void shouldStopAnExpressionAtTheCostLimitAndDenyUnderFail() {
        GateOutcome outcome = run("cost-limit");

        assertThat(admission(outcome)).singleElement().satisfies(f -> {
            assertThat(f.resource().display()).isEqualTo("ConfigMap/shop/settings");
            assertThat(f.message()).contains("operation cancelled: actual cost limit exceeded");
        });
        assertThat(outcome.status()).isEqualTo(GateStatus.FAIL);
    }

    @Test
    void shouldLetThePolicyFileSetTheSeverityOfAnAdmissionPolicyAndWarnAboutUnknownOnes() {
        Policy policy = new PolicyLoader(gate.checkIds()).parse("p.yaml", """
                checks:
                  VAP-image-registry.example.com: {severity: LOW}
                  VAP-no-such-policy: false
                """);

        GateOutcome outcome = run("image-registries", policy);

        assertThat(admission(outcome)).isNotEmpty().allSatisfy(f -> assertThat(f.severity())
                .isEqualTo(Severity.LOW));
        assertThat(diagnostics(outcome, "admission-policy-unknown")).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("VAP-no-such-policy"));
    }
}
