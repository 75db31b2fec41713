package io.k8sgate.core.check.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.LoaderLimits;
import io.k8sgate.core.input.YamlParser;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the API server would refuse to create is refused, with the reason at the file and line. */
class AdmissionReaderTest {
    private static final String RULES = "matchConstraints: {resourceRules: [{apiGroups: [apps], apiVersions: [v1], "
            + "operations: [CREATE], resources: [deployments]}]}";

    private static K8sObject object(final String kind, final String name, final String spec) {
        String yaml = "apiVersion: admissionregistration.k8s.io/v1\nkind: " + kind + "\nmetadata: " + name
                + "\nspec: " + spec + "\n";
        return new K8sObject(new YamlParser(LoaderLimits.DEFAULT).parse("p.yaml", yaml, d -> { }).get(0).root()
                .orElseThrow(), "p.yaml", 1);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    // CHECKSTYLE.OFF: LineLength - a table of cases: one case a line reads better than wrapped rows
    @CsvSource(delimiter = '|', textBlock = """
            {}                   | {failurePolicy: Never, RULES, validations: [{expression: 'true'}]} | failurePolicy must be Fail or Ignore
            {name: p}            | {validations: [{expression: 'true'}]}                             | matchConstraints.resourceRules must name
            {name: p}            | {RULES}                                                            | validations or auditAnnotations must contain at least one item
            {name: p}            | {RULES, paramKind: {kind: ConfigMap}, validations: [{expression: 'true'}]} | paramKind needs apiVersion and kind
            {name: p}            | {matchConstraints: {resourceRules: [{apiGroups: [apps]}]}, validations: [{expression: 'true'}]} | operations must not be empty
            {name: p}            | {matchConstraints: {resourceRules: [{apiGroups: ['*'], apiVersions: ['*'], operations: ['*'], resources: ['*'], scope: Everywhere}]}, validations: [{expression: 'true'}]} | scope must be Cluster, Namespaced or *
            {name: p}            | {matchConstraints: {matchPolicy: Fuzzy, resourceRules: [{apiGroups: ['*'], apiVersions: ['*'], operations: ['*'], resources: ['*']}]}, validations: [{expression: 'true'}]} | matchPolicy must be Exact or Equivalent
            {name: p}            | {matchConstraints: {namespaceSelector: {matchExpressions: [{key: a, operator: Near}]}, resourceRules: [{apiGroups: ['*'], apiVersions: ['*'], operations: ['*'], resources: ['*']}]}, validations: [{expression: 'true'}]} | not a valid label selector operator
            {name: p}            | {matchConstraints: {objectSelector: {matchExpressions: [{key: a, operator: In}]}, resourceRules: [{apiGroups: ['*'], apiVersions: ['*'], operations: ['*'], resources: ['*']}]}, validations: [{expression: 'true'}]} | operator In needs values
            {name: p}            | {matchConstraints: {objectSelector: {matchExpressions: [{key: a, operator: Exists, values: [x]}]}, resourceRules: [{apiGroups: ['*'], apiVersions: ['*'], operations: ['*'], resources: ['*']}]}, validations: [{expression: 'true'}]} | operator Exists takes no values
            {name: p}            | {RULES, validations: [{expression: 'true', reason: Teapot}]}        | reason must be one of Forbidden, Invalid, RequestEntityTooLarge, Unauthorized
            {name: p}            | {RULES, validations: [{expression: ''}]}                            | validations[0].expression must not be empty
            {name: p}            | {RULES, validations: [{expression: 'true', message: \"two\\nlines\"}]} | message must be one line
            {name: p}            | {RULES, matchConditions: [{name: a, expression: 'true'}, {name: a, expression: 'true'}], validations: [{expression: 'true'}]} | matchConditions[1].name must be a unique qualified name
            {name: p}            | {RULES, matchConditions: [{name: a, expression: 'variables.x'}], validations: [{expression: 'true'}]} | matchConditions[0].expression does not compile
            {name: p}            | {RULES, variables: [{name: 'not valid', expression: '1'}], validations: [{expression: 'true'}]} | variables[0].name must be a unique CEL identifier
            {name: p}            | {RULES, variables: [{name: a, expression: '1'}, {name: a, expression: '2'}], validations: [{expression: 'true'}]} | variables[1].name must be a unique CEL identifier
            {name: p}            | {RULES, auditAnnotations: [{key: '', valueExpression: "'x'"}]}      | auditAnnotations[0].key must be unique
            {name: p}            | {RULES, auditAnnotations: [{key: k, valueExpression: '1'}]}         | expected type 'string or null' but found 'int'
            {name: p, annotations: {k8sgate.io/severity: SEVERE}} | {RULES, validations: [{expression: 'true'}]} | k8sgate.io/severity must be one of CRITICAL, HIGH, MEDIUM, LOW, INFO (got 'SEVERE')
            """)
    // CHECKSTYLE.ON: LineLength
    void shouldRefuseInvalidPolicies(final String metadata, final String spec, final String reason) {
        List<Diagnostic> problems = new ArrayList<>();

        Optional<AdmissionPolicy> policy = new AdmissionReader(f -> Optional.empty(), problems)
                .policy(object("ValidatingAdmissionPolicy", metadata, spec.replace("RULES", RULES)));

        assertThat(policy).isEmpty();
        assertThat(problems).anySatisfy(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.location().file()).isEqualTo("p.yaml");
            assertThat(d.message()).contains(reason);
        });
    }

    @ParameterizedTest(name = "[{index}] {1}")
    // CHECKSTYLE.OFF: LineLength - a table of cases: one case a line reads better than wrapped rows
    @CsvSource(delimiter = '|', textBlock = """
            {}        | {policyName: p, validationActions: [Deny]}                      | needs metadata.name
            {name: b} | {validationActions: [Deny]}                                     | spec.policyName must name a ValidatingAdmissionPolicy
            {name: b} | {policyName: p}                                                 | validationActions must hold Deny, Warn or Audit
            {name: b} | {policyName: p, validationActions: [Block]}                     | not 'Block'
            {name: b} | {policyName: p, validationActions: [Warn, Warn]}                | each at most once
            {name: b} | {policyName: p, validationActions: [Deny], paramRef: {parameterNotFoundAction: Deny}} | exactly one of name and selector
            {name: b} | {policyName: p, validationActions: [Deny], paramRef: {name: x}} | parameterNotFoundAction must be Allow or Deny
            {name: b} | {policyName: p, validationActions: [Deny], paramRef: {selector: {matchExpressions: [{key: a, operator: Near}]}, parameterNotFoundAction: Allow}} | paramRef.selector
            """)
    // CHECKSTYLE.ON: LineLength
    void shouldRefuseInvalidBindings(final String metadata, final String spec, final String reason) {
        List<Diagnostic> problems = new ArrayList<>();

        Optional<AdmissionBinding> binding = new AdmissionReader(f -> Optional.empty(), problems)
                .binding(object("ValidatingAdmissionPolicyBinding", metadata, spec));

        assertThat(binding).isEmpty();
        assertThat(problems).anySatisfy(d -> assertThat(d.message()).contains(reason));
    }

    @Test
    void shouldReadAValidPolicyAndBinding() {
        List<Diagnostic> problems = new ArrayList<>();
        AdmissionReader reader = new AdmissionReader(f -> Optional.empty(), problems);

        AdmissionPolicy policy = reader.policy(object("ValidatingAdmissionPolicy", "{name: p, annotations: "
                + "{k8sgate.io/severity: low}}", "{failurePolicy: Ignore, paramKind: {apiVersion: v1, kind: "
                + "ConfigMap}, " + RULES + ", matchConditions: [{name: example.com/ok, expression: 'true'}], "
                + "variables: [{name: two, expression: '2'}], validations: [{expression: 'variables.two == 2', "
                + "message: ok, messageExpression: \"'m'\", reason: Forbidden, fieldPath: spec.replicas}], "
                + "auditAnnotations: [{key: seen, valueExpression: \"'yes'\"}]}")).orElseThrow();
        AdmissionBinding binding = reader.binding(object("ValidatingAdmissionPolicyBinding", "{name: b}",
                "{policyName: p, validationActions: [Warn, Audit], paramRef: {selector: {}, namespace: ns, "
                        + "parameterNotFoundAction: Allow}, matchResources: {matchPolicy: Exact}}")).orElseThrow();

        assertThat(problems).isEmpty();
        assertThat(policy.failOnError()).isFalse();
        assertThat(policy.severity()).isEqualTo(Severity.LOW);
        assertThat(policy.paramKind()).contains(new AdmissionPolicy.ParamKind("v1", "ConfigMap"));
        assertThat(policy.validations()).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo("Forbidden");
            assertThat(v.fieldPath()).contains("spec.replicas");
            assertThat(v.messageExpression()).isPresent();
        });
        assertThat(policy.auditAnnotations()).extracting(AdmissionPolicy.AuditAnnotation::key).containsExactly("seen");
        assertThat(policy.spec().get("failurePolicy").text("")).isEqualTo("Ignore");
        assertThat(binding.denies()).isFalse();
        assertThat(binding.paramRef()).hasValueSatisfying(r -> {
            assertThat(r.denyNotFound()).isFalse();
            assertThat(r.namespace()).isEqualTo("ns");
        });
        assertThat(binding.matchResources()).hasValueSatisfying(m -> assertThat(m.equivalent()).isFalse());
    }
}
