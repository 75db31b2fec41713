package io.k8sgate.core.check.admission;

import io.k8sgate.core.cel.Bindings;
import io.k8sgate.core.cel.Expression;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.Optional;

/**
 * A ValidatingAdmissionPolicy, read and compiled.
 *
 * @param name             its name
 * @param object           the object it was read from
 * @param failOnError      {@code failurePolicy: Fail} (the default); false for Ignore
 * @param paramKind        the kind of its params ({@code apiVersion} and {@code kind}), if it has params
 * @param matchConstraints which requests it applies to
 * @param matchConditions  further conditions in CEL
 * @param variables        its variables, in order
 * @param validations      its validations
 * @param auditAnnotations its audit annotations
 * @param severity         the severity of its violations in the gate ({@code k8sgate.io/severity}, HIGH otherwise)
 */
record AdmissionPolicy(String name, K8sObject object, boolean failOnError, Optional<ParamKind> paramKind,
        MatchResources matchConstraints, List<Condition> matchConditions, List<Bindings.Variable> variables,
        List<Validation> validations, List<AuditAnnotation> auditAnnotations, Severity severity) {
    AdmissionPolicy {
        matchConditions = List.copyOf(matchConditions);
        variables = List.copyOf(variables);
        validations = List.copyOf(validations);
        auditAnnotations = List.copyOf(auditAnnotations);
    }

    /** The kind of a policy's params. */
    record ParamKind(String apiVersion, String kind) {
    }

    /** A named match condition. */
    record Condition(String name, Expression expression) {
    }

    /**
     * A validation.
     *
     * @param expression        true when the object is admitted
     * @param message           the message as written (may be empty)
     * @param messageExpression the message in CEL, if any
     * @param reason            the status reason ({@code Invalid} unless written)
     * @param fieldPath         the field the violation is about, if written
     */
    record Validation(Expression expression, String message, Optional<Expression> messageExpression, String reason,
            Optional<String> fieldPath) {
    }

    /** An audit annotation: a key and a CEL value (a string, or null for none). */
    record AuditAnnotation(String key, Expression valueExpression) {
    }

    /** The YAML of a validation, to place a finding on the policy's own line when needed. */
    YamlNode spec() {
        return object.root().get("spec");
    }
}
