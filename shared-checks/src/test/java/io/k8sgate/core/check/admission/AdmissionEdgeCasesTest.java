package io.k8sgate.core.check.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.cel.CostLimits;
import io.k8sgate.core.cel.RunObjects;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.check.RunNotes;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.input.SourceMap;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The less travelled paths of admission policies: messages, audit annotations, params scopes, budgets. */
class AdmissionEdgeCasesTest {
    private static final String POLICY_HEAD = "apiVersion: admissionregistration.k8s.io/v1\n"
            + "kind: ValidatingAdmissionPolicy\n";
    private static final String BINDING_HEAD = "apiVersion: admissionregistration.k8s.io/v1\n"
            + "kind: ValidatingAdmissionPolicyBinding\n";
    private static final String DEPLOYMENTS = "  matchConstraints: {resourceRules: [{apiGroups: [apps], apiVersions: "
            + "[v1], operations: [CREATE], resources: [deployments]}]}\n";
    private static final String APP = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              replicas: 3
              template: {spec: {containers: [{name: app, image: nginx}]}}
            """;

    @TempDir
    Path dir;

    private GateOutcome run(final String... documents) throws IOException {
        Files.writeString(dir.resolve("all.yaml"), String.join("---\n", documents));
        return new SecurityGate().run(GateRequest.of(dir, List.of(".")));
    }

    private static String policy(final String name, final String spec) {
        return POLICY_HEAD + "metadata: {name: " + name + "}\nspec:\n" + spec;
    }

    private static String binding(final String name, final String spec) {
        return BINDING_HEAD + "metadata: {name: " + name + "}\nspec:\n" + spec;
    }

    private static List<Finding> of(final GateOutcome outcome, final String id) {
        return outcome.findings().stream().filter(f -> f.checkId().equals(id)).toList();
    }

    private static List<Diagnostic> diagnostics(final GateOutcome outcome, final String code) {
        return outcome.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
    }

    @Test
    void shouldFallBackFromAMessageExpressionThatFailsOrSaysNothing() throws IOException {
        GateOutcome outcome = run(policy("messages", DEPLOYMENTS + """
                  validations:
                    - {expression: 'false', message: fixed message, messageExpression: "object.spec.missing"}
                    - {expression: 'false', messageExpression: "'  '"}
                    - {expression: 'false', messageExpression: "'two\\\\nlines'", message: one line}
                """), binding("messages", "  policyName: messages\n  validationActions: [Deny]\n"), APP);

        assertThat(of(outcome, "VAP-messages")).extracting(Finding::message).containsExactlyInAnyOrder(
                "ValidatingAdmissionPolicy 'messages' with binding 'messages' denied request: fixed message",
                "ValidatingAdmissionPolicy 'messages' with binding 'messages' denied request: failed expression: "
                        + "false",
                "ValidatingAdmissionPolicy 'messages' with binding 'messages' denied request: one line");
        assertThat(diagnostics(outcome, "admission-message-failed")).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("'missing'"));
        assertThat(of(outcome, "VAP-messages")).extracting(Finding::fingerprint).doesNotHaveDuplicates();
    }

    @Test
    void shouldRecordAuditAnnotationsAndDenyWhenOneFailsUnderFail() throws IOException {
        GateOutcome outcome = run(policy("audited", DEPLOYMENTS + """
                  auditAnnotations:
                    - {key: replicas, valueExpression: "'replicas ' + string(object.spec.replicas)"}
                    - {key: nothing, valueExpression: "null"}
                    - {key: broken, valueExpression: "object.spec.missing"}
                """), binding("audited", "  policyName: audited\n  validationActions: [Warn]\n"), APP);

        assertThat(diagnostics(outcome, "admission-audit-annotation")).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("audited/replicas: replicas 3"));
        assertThat(of(outcome, "VAP-audited")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("denied request").contains("'missing'");
            assertThat(FindingProperties.isAdvisory(f)).as("an audit annotation error denies whatever the actions")
                    .isFalse();
        });
    }

    @Test
    void shouldJudgeMatchConditionErrorsByTheFailurePolicy() throws IOException {
        GateOutcome outcome = run(policy("conditions-fail", DEPLOYMENTS + """
                  matchConditions: [{name: broken, expression: "object.spec.missing == 1"}]
                  validations: [{expression: 'true'}]
                """), binding("conditions-fail", "  policyName: conditions-fail\n  validationActions: [Warn]\n"),
                policy("conditions-ignore", DEPLOYMENTS + """
                  failurePolicy: Ignore
                  matchConditions:
                    - {name: broken, expression: "object.spec.missing == 1"}
                    - {name: other, expression: "object.spec.replicas > 0"}
                  validations: [{expression: 'true'}]
                """), binding("conditions-ignore", "  policyName: conditions-ignore\n  validationActions: [Deny]\n"),
                APP);

        assertThat(of(outcome, "VAP-conditions-fail")).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("Validation failed for ValidatingAdmissionPolicy 'conditions-fail'")
                    .contains("matchCondition 'broken'");
            assertThat(FindingProperties.isAdvisory(f)).isTrue();
        });
        assertThat(of(outcome, "VAP-conditions-ignore")).isEmpty();
        assertThat(diagnostics(outcome, "admission-policy-error-ignored")).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("'conditions-ignore'"));
    }

    @Test
    void shouldRefuseParamsOfTheWrongScope() throws IOException {
        GateOutcome outcome = run(policy("cluster-params", DEPLOYMENTS + """
                  paramKind: {apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRole}
                  validations: [{expression: 'params != null'}]
                """), binding("cluster-params", """
                  policyName: cluster-params
                  validationActions: [Deny]
                  paramRef: {name: reader, namespace: shop, parameterNotFoundAction: Allow}
                """), policy("namespaced-params", """
                  matchConstraints: {resourceRules: [{apiGroups: ['*'], apiVersions: ['*'], operations: [CREATE],
                    resources: [clusterroles]}]}
                  paramKind: {apiVersion: v1, kind: ConfigMap}
                  validations: [{expression: 'params != null'}]
                """), binding("namespaced-params", """
                  policyName: namespaced-params
                  validationActions: [Deny]
                  paramRef: {name: settings, parameterNotFoundAction: Allow}
                """), """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: reader}
                rules: []
                """, APP);

        assertThat(of(outcome, "VAP-cluster-params")).singleElement().satisfies(f -> assertThat(f.message())
                .endsWith("paramRef.namespace must not be provided for a cluster-scoped `paramKind`"));
        assertThat(of(outcome, "VAP-namespaced-params")).singleElement().satisfies(f -> assertThat(f.message())
                .endsWith("cannot use namespaced paramRef in policy binding that matches cluster-scoped resources"));
    }

    @Test
    void shouldNeverJudgeAdmissionConfigurationItself() throws IOException {
        GateOutcome outcome = run(policy("everything", """
                  matchConstraints: {resourceRules: [{apiGroups: ['*'], apiVersions: ['*'], operations: ['*'],
                    resources: ['*']}]}
                  validations: [{expression: 'false'}]
                """), binding("everything", "  policyName: everything\n  validationActions: [Deny]\n"));

        assertThat(of(outcome, "VAP-everything")).isEmpty();
    }

    @Test
    void shouldStopTheValidationsOfAnObjectThatSpendsItsBudget() throws IOException {
        StringBuilder validations = new StringBuilder("  validations:\n");
        for (int i = 0; i < 6; i++) {
            validations.append("    - {expression: \"[1, 2, 3, 4, 5, 6, 7, 8].all(a, [1, 2, 3, 4, 5, 6, 7, 8]")
                    .append(".all(b, a + b > 0))\"}\n");
        }
        Files.writeString(dir.resolve("all.yaml"), String.join("---\n", policy("busy", DEPLOYMENTS
                + validations), binding("busy", "  policyName: busy\n  validationActions: [Deny]\n"), APP));

        List<Finding> findings = runWithLimits(new CostLimits(1_000, 2_000, 1_000_000));

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message()).endsWith("validation failed "
                + "due to running out of cost budget, no further validation rules will be run"));
    }

    @Test
    void shouldStopAPolicyForTheRestOfTheRunOnceItsRunBudgetIsSpent() throws IOException {
        StringBuilder apps = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            apps.append(APP.replace("name: web", "name: web-" + i)).append("---\n");
        }
        Files.writeString(dir.resolve("all.yaml"), String.join("---\n", policy("costly", DEPLOYMENTS + """
                  validations: [{expression: "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(x, x > 0)"}]
                """), binding("costly", "  policyName: costly\n  validationActions: [Deny]\n"), apps.toString()));
        RunNotes notes = new RunNotes();

        List<Finding> findings = runWithLimits(new CostLimits(1_000, 10_000, 2_000), notes);

        assertThat(findings).isEmpty();
        assertThat(notes.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.message()).contains("'costly'").contains("for the whole run");
        });
    }

    private List<Finding> runWithLimits(final CostLimits limits) {
        return runWithLimits(limits, new RunNotes());
    }

    private List<Finding> runWithLimits(final CostLimits limits, final RunNotes notes) {
        List<K8sObject> objects = new ManifestLoader().load(dir, List.of(".")).objects();
        List<Diagnostic> problems = new ArrayList<>();
        List<Check> checks = AdmissionChecks.forRun(objects, List.of(), RunObjects.of(objects), f -> Optional.empty(),
                SourceMap.EMPTY,
                notes, problems, limits);
        assertThat(problems).isEmpty();
        CheckContext context = CheckContext.of(objects, CheckSettings.DEFAULT);
        List<Finding> findings = new ArrayList<>();
        checks.forEach(c -> findings.addAll(c.evaluate(context)));
        return findings;
    }
}
