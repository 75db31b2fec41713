package io.k8sgate.core.check.admission;

import io.k8sgate.core.cel.Bindings;
import io.k8sgate.core.cel.CompileException;
import io.k8sgate.core.cel.Environment;
import io.k8sgate.core.cel.Expression;
import io.k8sgate.core.cel.ExpressionCompiler;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.LabelSelector;
import io.k8sgate.core.input.ScalarPositions;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.model.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads ValidatingAdmissionPolicies and their bindings, refusing what the API server would refuse to create (a
 * missing or invalid field, an expression that does not compile) with an error at the file and line, the column of
 * a compile error included.
 */
final class AdmissionReader {
    /** The annotation that sets the severity of a policy's violations in the gate. */
    static final String SEVERITY_ANNOTATION = "k8sgate.io/severity";
    private static final Set<String> REASONS = Set.of("Unauthorized", "Forbidden", "Invalid",
            "RequestEntityTooLarge");
    private static final Set<String> ACTIONS = Set.of("Deny", "Warn", "Audit");
    private static final Set<String> SCOPES = Set.of("*", "Cluster", "Namespaced");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern QUALIFIED = Pattern.compile(
            "([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?([A-Za-z0-9][-A-Za-z0-9_.]*)?"
                    + "[A-Za-z0-9]");
    private static final int MAX_MESSAGE = 5000;

    private final Function<String, Optional<String>> sources;
    private final List<Diagnostic> problems;

    /**
     * A reader.
     *
     * @param sources  the text of an input file by its name, to place compile errors at their column
     * @param problems receives what is wrong
     */
    AdmissionReader(final Function<String, Optional<String>> sources, final List<Diagnostic> problems) {
        this.sources = sources;
        this.problems = problems;
    }

    /** The policy, or empty when the API server would refuse it (the problems say why). */
    Optional<AdmissionPolicy> policy(final K8sObject o) {
        int before = problems.size();
        YamlNode spec = o.root().get("spec");
        String name = o.name();
        String label = "ValidatingAdmissionPolicy " + (name.isEmpty() ? "(unnamed)" : name);
        if (name.isEmpty()) {
            problem(o.metadata(), label + " needs metadata.name");
        }
        String failurePolicy = spec.get("failurePolicy").text("Fail");
        if (!"Fail".equals(failurePolicy) && !"Ignore".equals(failurePolicy)) {
            problem(spec.get("failurePolicy"), label + ": failurePolicy must be Fail or Ignore, not '"
                    + failurePolicy + "'");
        }
        Optional<AdmissionPolicy.ParamKind> paramKind = Optional.empty();
        YamlNode pk = spec.get("paramKind");
        if (pk.isPresent()) {
            String apiVersion = pk.get("apiVersion").text("");
            String kind = pk.get("kind").text("");
            if (apiVersion.isEmpty() || kind.isEmpty()) {
                problem(pk, label + ": paramKind needs apiVersion and kind");
            }
            paramKind = Optional.of(new AdmissionPolicy.ParamKind(apiVersion, kind));
        }
        YamlNode constraints = spec.get("matchConstraints");
        MatchResources match = matchResources(constraints, label + ": matchConstraints");
        if (constraints.isUnset() || match.resourceRules().isEmpty()) {
            problem(constraints.isUnset() ? spec : constraints.get("resourceRules"), label
                    + ": matchConstraints.resourceRules must name the resources the policy applies to");
        }
        if (spec.get("validations").size() == 0 && spec.get("auditAnnotations").size() == 0) {
            problem(spec, label + ": validations or auditAnnotations must contain at least one item");
        }
        Severity severity = Severity.HIGH;
        String written = o.annotations().get(SEVERITY_ANNOTATION);
        if (written != null) {
            Optional<Severity> parsed = Severity.parse(written);
            if (parsed.isEmpty()) {
                problem(o.metadata().path("annotations", SEVERITY_ANNOTATION), label + ": " + SEVERITY_ANNOTATION
                        + " must be one of CRITICAL, HIGH, MEDIUM, LOW, INFO (got '" + written + "')");
            }
            severity = parsed.orElse(Severity.HIGH);
        }

        List<AdmissionPolicy.Condition> conditions = new ArrayList<>();
        Set<String> conditionNames = new HashSet<>();
        ExpressionCompiler conditionCompiler = ExpressionCompiler.of(Environment.MATCH_CONDITION);
        int i = 0;
        for (YamlNode c : spec.get("matchConditions").elements()) {
            String where = label + ": matchConditions[" + i++ + "]";
            String cname = c.get("name").text("");
            if (!QUALIFIED.matcher(cname).matches() || !conditionNames.add(cname)) {
                problem(c.get("name"), where + ".name must be a unique qualified name, not '" + cname + "'");
            }
            compile(conditionCompiler, c.get("expression"), ExpressionCompiler.Result.BOOL, where + ".expression")
                    .ifPresent(e -> conditions.add(new AdmissionPolicy.Condition(cname, e)));
        }

        ExpressionCompiler compiler = ExpressionCompiler.of(Environment.ADMISSION);
        List<Bindings.Variable> variables = new ArrayList<>();
        Set<String> variableNames = new HashSet<>();
        i = 0;
        for (YamlNode v : spec.get("variables").elements()) {
            String where = label + ": variables[" + i++ + "]";
            String vname = v.get("name").text("");
            if (!IDENTIFIER.matcher(vname).matches() || !variableNames.add(vname)) {
                problem(v.get("name"), where + ".name must be a unique CEL identifier, not '" + vname + "'");
                continue;
            }
            Optional<Expression> e = compile(compiler, v.get("expression"), ExpressionCompiler.Result.ANY,
                    where + ".expression");
            if (e.isPresent()) {
                variables.add(new Bindings.Variable(vname, e.get()));
                compiler = compiler.withVariable(vname, e.get());
            }
        }

        List<AdmissionPolicy.Validation> validations = new ArrayList<>();
        i = 0;
        for (YamlNode v : spec.get("validations").elements()) {
            String where = label + ": validations[" + i++ + "]";
            String reason = v.get("reason").text("Invalid");
            if (!REASONS.contains(reason)) {
                problem(v.get("reason"), where + ".reason must be one of " + String.join(", ", REASONS.stream()
                        .sorted().toList()) + ", not '" + reason + "'");
            }
            String message = v.get("message").text("");
            if (message.contains("\n") || message.length() > MAX_MESSAGE) {
                problem(v.get("message"), where + ".message must be one line of at most " + MAX_MESSAGE
                        + " characters");
            }
            Optional<Expression> expression = compile(compiler, v.get("expression"), ExpressionCompiler.Result.BOOL,
                    where + ".expression");
            Optional<Expression> messageExpression = Optional.empty();
            if (v.get("messageExpression").isPresent()) {
                messageExpression = compile(compiler, v.get("messageExpression"), ExpressionCompiler.Result.STRING,
                        where + ".messageExpression");
            }
            if (expression.isPresent()) {
                validations.add(new AdmissionPolicy.Validation(expression.get(), message, messageExpression, reason,
                        v.get("fieldPath").text()));
            }
        }

        List<AdmissionPolicy.AuditAnnotation> audits = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        i = 0;
        for (YamlNode a : spec.get("auditAnnotations").elements()) {
            String where = label + ": auditAnnotations[" + i++ + "]";
            String key = a.get("key").text("");
            if (key.isEmpty() || !QUALIFIED.matcher(name + "/" + key).matches() || !keys.add(key)) {
                problem(a.get("key"), where + ".key must be unique and make a valid annotation key with the policy "
                        + "name, not '" + key + "'");
            }
            compile(compiler, a.get("valueExpression"), ExpressionCompiler.Result.STRING_OR_NULL,
                    where + ".valueExpression").ifPresent(e -> audits.add(new AdmissionPolicy.AuditAnnotation(key,
                    e)));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new AdmissionPolicy(name, o, !"Ignore".equals(failurePolicy), paramKind, match,
                conditions, variables, validations, audits, severity));
    }

    /** The binding, or empty when the API server would refuse it (the problems say why). */
    Optional<AdmissionBinding> binding(final K8sObject o) {
        int before = problems.size();
        YamlNode spec = o.root().get("spec");
        String label = "ValidatingAdmissionPolicyBinding " + (o.name().isEmpty() ? "(unnamed)" : o.name());
        if (o.name().isEmpty()) {
            problem(o.metadata(), label + " needs metadata.name");
        }
        String policyName = spec.get("policyName").text("");
        if (policyName.isEmpty()) {
            problem(spec, label + ": spec.policyName must name a ValidatingAdmissionPolicy");
        }
        List<String> actions = new ArrayList<>();
        YamlNode va = spec.get("validationActions");
        va.elements().forEach(a -> {
            String action = a.text("");
            if (!ACTIONS.contains(action) || actions.contains(action)) {
                problem(a, label + ": validationActions holds Deny, Warn and Audit, each at most once, not '"
                        + action + "'");
            }
            actions.add(action);
        });
        if (actions.isEmpty()) {
            problem(va.isMissing() ? spec : va, label + ": validationActions must hold Deny, Warn or Audit");
        }
        if (actions.contains("Deny") && actions.contains("Warn")) {
            problem(va, label + ": validationActions may not hold both Deny and Warn");
        }
        Optional<AdmissionBinding.ParamRef> paramRef = Optional.empty();
        YamlNode pr = spec.get("paramRef");
        if (pr.isPresent()) {
            String pname = pr.get("name").text("");
            YamlNode selector = pr.get("selector");
            if (pname.isEmpty() == selector.isUnset()) {
                problem(pr, label + ": paramRef needs exactly one of name and selector");
            }
            LabelSelector.problem(selector).ifPresent(m -> problem(selector, label + ": paramRef.selector: " + m));
            String action = pr.get("parameterNotFoundAction").text("");
            if (!"Allow".equals(action) && !"Deny".equals(action)) {
                problem(pr.get("parameterNotFoundAction"), label + ": parameterNotFoundAction must be Allow or "
                        + "Deny, not '" + action + "'");
            }
            paramRef = Optional.of(new AdmissionBinding.ParamRef(pname, pr.get("namespace").text(""), selector,
                    "Deny".equals(action)));
        }
        YamlNode mr = spec.get("matchResources");
        Optional<MatchResources> match = mr.isPresent()
                ? Optional.of(matchResources(mr, label + ": matchResources")) : Optional.empty();
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new AdmissionBinding(o.name(), o, policyName, paramRef, match, actions));
    }

    private MatchResources matchResources(final YamlNode node, final String where) {
        for (String selector : List.of("namespaceSelector", "objectSelector")) {
            LabelSelector.problem(node.get(selector)).ifPresent(m -> problem(node.get(selector), where + "."
                    + selector + ": " + m));
        }
        String matchPolicy = node.get("matchPolicy").text("Equivalent");
        if (!"Equivalent".equals(matchPolicy) && !"Exact".equals(matchPolicy)) {
            problem(node.get("matchPolicy"), where + ".matchPolicy must be Exact or Equivalent, not '" + matchPolicy
                    + "'");
        }
        return new MatchResources(node.get("namespaceSelector"), node.get("objectSelector"),
                rules(node.get("resourceRules"), where + ".resourceRules"),
                rules(node.get("excludeResourceRules"), where + ".excludeResourceRules"),
                !"Exact".equals(matchPolicy));
    }

    private List<ResourceRule> rules(final YamlNode list, final String where) {
        List<ResourceRule> out = new ArrayList<>();
        int i = 0;
        for (YamlNode r : list.elements()) {
            String at = where + "[" + i++ + "]";
            for (String field : List.of("operations", "apiGroups", "apiVersions", "resources")) {
                if (r.get(field).size() == 0) {
                    problem(r, at + "." + field + " must not be empty");
                }
            }
            String scope = r.get("scope").text("*");
            if (!SCOPES.contains(scope)) {
                problem(r.get("scope"), at + ".scope must be Cluster, Namespaced or *, not '" + scope + "'");
            }
            out.add(new ResourceRule(texts(r.get("apiGroups")), texts(r.get("apiVersions")),
                    texts(r.get("resources")), texts(r.get("operations")), scope, texts(r.get("resourceNames"))));
        }
        return out;
    }

    private static List<String> texts(final YamlNode list) {
        List<String> out = new ArrayList<>();
        list.elements().forEach(e -> out.add(e.text("")));
        return out;
    }

    private Optional<Expression> compile(final ExpressionCompiler compiler, final YamlNode node,
            final ExpressionCompiler.Result result, final String where) {
        String source = node.text("");
        if (source.isBlank()) {
            problem(node, where + " must not be empty");
            return Optional.empty();
        }
        try {
            return Optional.of(compiler.compile(source, result));
        } catch (CompileException e) {
            for (CompileException.Problem p : e.problems()) {
                Location at = sources.apply(node.location().file())
                        .map(text -> ScalarPositions.locate(text, node.location(), p.line(), p.column()))
                        .orElse(node.location());
                problems.add(Diagnostic.error("admission-policy-compile", at, (at.column() > 0 ? "column "
                        + at.column() + ": " : "") + where + " does not compile: " + p.message()));
            }
            return Optional.empty();
        }
    }

    private void problem(final YamlNode at, final String message) {
        problems.add(Diagnostic.error("admission-policy-invalid", at.location(), message));
    }
}
