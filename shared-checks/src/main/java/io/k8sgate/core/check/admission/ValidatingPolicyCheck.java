package io.k8sgate.core.check.admission;

import io.k8sgate.core.cel.Bindings;
import io.k8sgate.core.cel.CostBudget;
import io.k8sgate.core.cel.CostLimits;
import io.k8sgate.core.cel.EvaluationException;
import io.k8sgate.core.cel.RunObjects;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.RunNotes;
import io.k8sgate.core.input.ApiResources;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.LabelSelector;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One ValidatingAdmissionPolicy with its bindings, as a check: every object it matches is judged as the API server
 * would judge its creation. A violation is a finding at the object, naming the policy, the binding and the message;
 * with Deny it counts at the policy's severity, with only Warn or Audit it only warns. Errors (an expression that
 * fails, params not found, a cost limit) follow the policy's failurePolicy: Fail denies, Ignore admits, and the gate
 * says so in a warning instead of passing in silence.
 */
final class ValidatingPolicyCheck implements Check {
    /** Kinds the API server never sends to admission policies, so that a policy cannot lock itself out. */
    private static final Set<String> EXEMPT_KINDS = Set.of("ValidatingWebhookConfiguration",
            "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
            "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding");
    private static final int MAX_MESSAGE = 5000;

    private final AdmissionPolicy policy;
    private final List<AdmissionBinding> bindings;
    private final List<K8sObject> paramCandidates;
    private final RunObjects run;
    private final RunNotes notes;
    private final CheckMetadata metadata;
    private final CostLimits limits;
    private final CostBudget.RunAccount account = new CostBudget.RunAccount();

    ValidatingPolicyCheck(final AdmissionPolicy policy, final List<AdmissionBinding> bindings,
            final List<K8sObject> paramCandidates, final RunObjects run, final RunNotes notes,
            final CheckMetadata metadata, final CostLimits limits) {
        this.policy = policy;
        this.bindings = List.copyOf(bindings);
        this.paramCandidates = List.copyOf(paramCandidates);
        this.run = run;
        this.notes = notes;
        this.metadata = metadata;
        this.limits = limits;
    }

    @Override
    public CheckMetadata metadata() {
        return metadata;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        for (K8sObject object : context.objects()) {
            if ("admissionregistration.k8s.io".equals(object.apiGroup()) && EXEMPT_KINDS.contains(object.kind())) {
                continue;
            }
            try {
                evaluate(object, findings);
            } catch (Stop stop) {
                notes.add(policy.name() + "\u001frun-budget", Diagnostic.Level.ERROR, "admission-policy-failed",
                        object.location(), "ValidatingAdmissionPolicy '" + policy.name() + "': " + stop.getMessage());
                break;
            }
        }
        return findings;
    }

    private void evaluate(final K8sObject object, final List<Finding> findings) throws Stop {
        Target target = Target.of(object, run);
        Optional<MatchResources.Matched> matched = policy.matchConstraints().match(target, run,
                ns -> unknownNamespace(object, ns));
        if (matched.isEmpty()) {
            return;
        }
        MatchResources.Matched m = matched.get();
        ApiResources.Resource resource = target.resource();
        Supplier<Map<String, Object>> request = () -> run.request(object, List.of(m.group(), m.version(),
                resource.kind()), List.of(m.group(), m.version(), m.resource()));
        for (AdmissionBinding binding : bindings) {
            if (binding.matchResources().isPresent()
                    && binding.matchResources().get().match(target, run, ns -> unknownNamespace(object, ns))
                            .isEmpty()) {
                continue;
            }
            Params params = params(binding, target);
            if (params.error().isPresent()) {
                failure(object, binding, null, "configuration", "failed to configure binding: "
                        + params.error().get(), false, findings);
                continue;
            }
            if (params.objects().isEmpty()) {
                notes.add(policy.name() + "\u001f" + binding.name() + "\u001fno-params", Diagnostic.Level.INFO,
                        "admission-params-not-found", object.location(), "ValidatingAdmissionPolicyBinding '"
                                + binding.name() + "' found no params for " + object.ref().display()
                                + ": with parameterNotFoundAction Allow the cluster admits without evaluating "
                                + "policy '" + policy.name() + "'");
            }
            for (Optional<K8sObject> param : params.objects()) {
                evaluate(object, binding, param.orElse(null), request, findings);
            }
        }
    }

    private void evaluate(final K8sObject object, final AdmissionBinding binding, final @Nullable K8sObject param,
            final Supplier<Map<String, Object>> request, final List<Finding> findings) throws Stop {
        Bindings values = run.bindings(object, request, param == null ? null : param.root());
        if (!conditionsHold(object, binding, param, values, findings)) {
            return;
        }
        Bindings withVariables = values.withVariables(policy.variables());
        CostBudget budget = CostBudget.of(limits, account);
        List<Finding> found = new ArrayList<>();
        for (int i = 0; i < policy.validations().size(); i++) {
            AdmissionPolicy.Validation v = policy.validations().get(i);
            String what = "validations[" + i + "]";
            try {
                if (!v.expression().evaluateBoolean(withVariables, budget)) {
                    found.add(finding(object, binding, param, what, message(v, withVariables, budget, object),
                            v.reason(), v.fieldPath(), true));
                }
            } catch (EvaluationException e) {
                stopOnRunBudget(e);
                if (e.kind() == EvaluationException.Kind.EVALUATION_BUDGET) {
                    // the API server then stops and answers with this one error for the whole policy
                    found.clear();
                    failure(object, binding, param, "validations", e.getMessage(), true, found);
                    break;
                }
                failure(object, binding, param, what, e.getMessage(), true, found);
            }
        }
        findings.addAll(found);
        auditAnnotations(object, binding, param, values.withVariables(policy.variables()), findings);
    }

    private boolean conditionsHold(final K8sObject object, final AdmissionBinding binding,
            final @Nullable K8sObject param, final Bindings values, final List<Finding> findings) throws Stop {
        if (policy.matchConditions().isEmpty()) {
            return true;
        }
        CostBudget budget = CostBudget.of(limits, account);
        List<String> errors = new ArrayList<>();
        for (AdmissionPolicy.Condition c : policy.matchConditions()) {
            try {
                if (!c.expression().evaluateBoolean(values, budget)) {
                    return false;
                }
            } catch (EvaluationException e) {
                stopOnRunBudget(e);
                errors.add("matchCondition '" + c.name() + "': " + e.getMessage());
            }
        }
        if (errors.isEmpty()) {
            return true;
        }
        failure(object, binding, param, "matchConditions", String.join("; ", errors), true, findings);
        return false;
    }

    private void auditAnnotations(final K8sObject object, final AdmissionBinding binding,
            final @Nullable K8sObject param, final Bindings values, final List<Finding> findings) throws Stop {
        CostBudget budget = CostBudget.of(limits, account);
        for (int i = 0; i < policy.auditAnnotations().size(); i++) {
            AdmissionPolicy.AuditAnnotation a = policy.auditAnnotations().get(i);
            try {
                Object value = a.valueExpression().evaluate(values, budget);
                if (value != null && !(value instanceof String)) {
                    throw new EvaluationException(EvaluationException.Kind.ERROR, "valueExpression '"
                            + a.valueExpression().source() + "' resulted in unsupported return type: "
                            + value.getClass().getSimpleName() + ". Return type must be either string or null.");
                }
                if (value instanceof String s && !s.isBlank()) {
                    notes.add(policy.name() + "\u001faudit\u001f" + a.key() + "\u001f" + s.strip(),
                            Diagnostic.Level.INFO, "admission-audit-annotation", object.location(),
                            "The cluster would record the audit annotation " + policy.name() + "/" + a.key() + ": "
                                    + s.strip() + " for " + object.ref().display());
                }
            } catch (EvaluationException e) {
                stopOnRunBudget(e);
                failure(object, binding, param, "auditAnnotations[" + i + "]", e.getMessage(), false, findings);
            }
        }
    }

    /**
     * An error under the policy's failurePolicy: with Fail a denial (through the binding's validationActions when
     * {@code throughActions}, as for expression errors; a denial whatever the actions for configuration and audit
     * annotation errors), with Ignore a warning that the cluster would admit.
     */
    private void failure(final K8sObject object, final AdmissionBinding binding, final @Nullable K8sObject param,
            final String what, final String message, final boolean throughActions, final List<Finding> findings) {
        if (policy.failOnError()) {
            findings.add(finding(object, binding, param, what, message, "Invalid", Optional.empty(),
                    throughActions));
            return;
        }
        notes.add(policy.name() + "\u001f" + binding.name() + "\u001f" + what + "\u001f" + message,
                Diagnostic.Level.WARNING, "admission-policy-error-ignored", object.location(),
                "ValidatingAdmissionPolicy '" + policy.name() + "' with binding '" + binding.name() + "' could not "
                        + "judge " + object.ref().display() + " (" + message + "); with failurePolicy Ignore the "
                        + "cluster would admit it");
    }

    private String message(final AdmissionPolicy.Validation v, final Bindings values, final CostBudget budget,
            final K8sObject object) throws EvaluationException {
        if (v.messageExpression().isPresent()) {
            try {
                Object m = v.messageExpression().get().evaluate(values, budget);
                if (m instanceof String s) {
                    String text = s.strip();
                    if (!text.isEmpty() && text.length() <= MAX_MESSAGE && text.indexOf('\n') < 0) {
                        return text;
                    }
                }
            } catch (EvaluationException e) {
                if (e.isCostLimit()) {
                    throw e;
                }
                notes.add(policy.name() + "\u001fmessage\u001f" + e.getMessage(), Diagnostic.Level.WARNING,
                        "admission-message-failed", object.location(), "A messageExpression of "
                                + "ValidatingAdmissionPolicy '" + policy.name() + "' failed, so its message is used: "
                                + e.getMessage());
            }
        }
        if (!v.message().isBlank()) {
            return v.message().strip();
        }
        return "failed expression: " + v.expression().source().strip();
    }

    private Finding finding(final K8sObject object, final AdmissionBinding binding, final @Nullable K8sObject param,
            final String what, final String message, final String reason, final Optional<String> fieldPath,
            final boolean throughActions) {
        boolean advisory = throughActions && !binding.denies();
        String text;
        if (advisory) {
            text = "Validation failed for ValidatingAdmissionPolicy '" + policy.name() + "' with binding '"
                    + binding.name() + "': " + message + (binding.validationActions().contains("Warn") ? ""
                    : " (validationActions Audit: the cluster records it in its audit log and admits the object)");
        } else {
            text = "ValidatingAdmissionPolicy '" + policy.name() + "' with binding '" + binding.name()
                    + "' denied request: " + message;
        }
        YamlNode at = fieldPath.map(p -> FieldPaths.resolve(object.root(), p)).orElse(object.root());
        String path = at == object.root() ? "" : at.fieldPath();
        Location location = at.location();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(FindingProperties.ADMISSION_POLICY, policy.name());
        properties.put(FindingProperties.ADMISSION_BINDING, binding.name());
        properties.put(FindingProperties.VALIDATION_ACTIONS, String.join(FindingProperties.SEPARATOR,
                binding.validationActions()));
        properties.put(FindingProperties.ADMISSION_REASON, reason);
        String paramRef = "";
        if (param != null) {
            paramRef = param.ref().display();
            properties.put(FindingProperties.ADMISSION_PARAMS, paramRef);
        }
        if (advisory) {
            properties.put(FindingProperties.ENFORCEMENT, FindingProperties.ADVISORY);
        }
        String fingerprint = Finding.fingerprint(metadata.id(), object.ref(), "binding=" + binding.name()
                + (paramRef.isEmpty() ? "" : " params=" + paramRef) + " " + what, path);
        return new Finding(metadata.id(), metadata.title(), metadata.severity(), metadata.category(), object.ref(),
                "", location, path, text, metadata.remediation(), metadata.references(), metadata.equivalents(),
                fingerprint, Optional.empty(), properties);
    }

    /** The params a binding gives for a request, or why it cannot give them. */
    private Params params(final AdmissionBinding binding, final Target target) {
        if (policy.paramKind().isEmpty() || binding.paramRef().isEmpty()) {
            return Params.of(List.of(Optional.empty()));
        }
        AdmissionPolicy.ParamKind kind = policy.paramKind().get();
        AdmissionBinding.ParamRef ref = binding.paramRef().get();
        List<K8sObject> candidates = paramCandidates.stream().filter(c -> c.apiVersion().equals(kind.apiVersion())
                && c.kind().equals(kind.kind())).toList();
        String group = kind.apiVersion().contains("/") ? kind.apiVersion().substring(0,
                kind.apiVersion().indexOf('/')) : "";
        boolean namespaced = run.resources().find(group, kind.kind()).map(ApiResources.Resource::namespaced)
                .orElseGet(() -> candidates.stream().anyMatch(c -> !c.namespace().isEmpty()));
        if (!namespaced && !ref.namespace().isEmpty()) {
            return Params.error("paramRef.namespace must not be provided for a cluster-scoped `paramKind`");
        }
        String namespace = ref.namespace().isEmpty() ? target.namespace() : ref.namespace();
        if (namespaced && namespace.isEmpty()) {
            return Params.error("cannot use namespaced paramRef in policy binding that matches cluster-scoped "
                    + "resources");
        }
        List<Optional<K8sObject>> found = new ArrayList<>();
        for (K8sObject c : candidates) {
            String ns = c.namespace().isEmpty() ? "default" : c.namespace();
            if (namespaced && !ns.equals(namespace)) {
                continue;
            }
            if (ref.name().isEmpty() ? LabelSelector.matches(ref.selector(), c.labels()) : ref.name().equals(
                    c.name())) {
                found.add(Optional.of(c));
            }
        }
        if (found.isEmpty() && ref.denyNotFound()) {
            return Params.error("no params found for policy binding with `Deny` parameterNotFoundAction");
        }
        return Params.of(found);
    }

    private void unknownNamespace(final K8sObject object, final String namespace) {
        notes.add(policy.name() + "\u001fnamespace\u001f" + namespace, Diagnostic.Level.WARNING,
                "admission-namespace-unknown", object.location(), "Namespace '" + namespace + "' is not among the "
                        + "inputs: the namespaceSelector of ValidatingAdmissionPolicy '" + policy.name() + "' was "
                        + "judged on its label " + MatchResources.NAMESPACE_NAME_LABEL + " alone; add the Namespace "
                        + "to the inputs to judge it on all its labels");
    }

    private static void stopOnRunBudget(final EvaluationException e) throws Stop {
        if (e.kind() == EvaluationException.Kind.RUN_BUDGET) {
            throw new Stop(e.getMessage());
        }
    }

    /**
     * The params of a binding for one request (an empty Optional: evaluated once with {@code params} null), or the
     * configuration error that prevents them.
     */
    private record Params(List<Optional<K8sObject>> objects, Optional<String> error) {
        static Params of(final List<Optional<K8sObject>> objects) {
            return new Params(objects, Optional.empty());
        }

        static Params error(final String message) {
            return new Params(List.of(), Optional.of(message));
        }
    }

    /** The policy's budget for the run is spent: its remaining objects are not evaluated. */
    private static final class Stop extends Exception {
        private static final long serialVersionUID = 1L;

        Stop(final String message) {
            super(message);
        }
    }
}
