package io.k8sgate.core.policy;

import io.k8sgate.core.cel.CompileException;
import io.k8sgate.core.cel.Environment;
import io.k8sgate.core.cel.Expression;
import io.k8sgate.core.cel.ExpressionCompiler;
import io.k8sgate.core.check.custom.CustomCheck;
import io.k8sgate.core.check.custom.CustomCheckDefinition;
import io.k8sgate.core.input.ScalarPositions;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.model.RuleIds;
import io.k8sgate.core.model.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and compiles {@code customChecks:}. Each expression is compiled once, type-checked against the variables it
 * may use; a compile error names the policy file, the line and column of the error inside the expression, and CEL's
 * message. The CEL library is only touched when the policy has custom checks.
 */
final class CustomCheckReader {
    private static final Set<String> KEYS = Set.of("id", "title", "severity", "description", "match", "expression",
            "messageExpression", "message", "remediation", "references", "params");
    private static final Set<String> MATCH_KEYS = Set.of("kinds", "apiGroups", "namespaces", "labels");

    private final List<ConfigurationException.Problem> problems;
    private final String text;
    private final Set<String> declared = new HashSet<>();

    /**
     * A reader that adds its problems to {@code problems}.
     *
     * @param text the policy file's text, to place compile errors at their column
     */
    CustomCheckReader(final List<ConfigurationException.Problem> problems, final String text) {
        this.problems = problems;
        this.text = text;
    }

    /** The custom checks, compiled; empty when there are none or when any is wrong (see the problems). */
    List<CustomCheck> read(final YamlNode node, final Set<String> builtInIds) {
        if (node.isUnset()) {
            return List.of();
        }
        if (!node.isSequence()) {
            problem(node, "customChecks must be a list of checks");
            return List.of();
        }
        List<CustomCheck> out = new ArrayList<>();
        Set<String> ids = declared;
        int index = 0;
        for (YamlNode c : node.elements()) {
            String where = "customChecks[" + index++ + "]";
            if (!c.isMap()) {
                problem(c, where + " must be a mapping with id, title, severity, expression, remediation");
                continue;
            }
            c.entries().forEach((k, v) -> {
                if (!KEYS.contains(k)) {
                    problem(v, "Unknown key '" + k + "' in " + where + " (allowed: " + String.join(", ",
                            KEYS.stream().sorted().toList()) + ")");
                }
            });
            String id = required(c, "id", where);
            if (!id.isEmpty()) {
                if (builtInIds.contains(id) || id.startsWith(RuleIds.BUILT_IN_PREFIX)
                        || id.startsWith(RuleIds.ADMISSION_PREFIX)) {
                    problem(c.get("id"), where + ": the id '" + id + "' is reserved: K8S- ids are the built-in "
                            + "checks' and VAP- ids stand for ValidatingAdmissionPolicies");
                } else if (!RuleIds.isCustom(id)) {
                    problem(c.get("id"), where + ": the id '" + id + "' must be upper-case words of letters and "
                            + "digits joined by hyphens, such as ACME-001, at most " + RuleIds.MAX_LENGTH
                            + " characters");
                } else if (!ids.add(id)) {
                    problem(c.get("id"), where + ": the id '" + id + "' is used by another custom check");
                }
            }
            String label = where + (id.isEmpty() ? "" : " (" + id + ")");
            String title = required(c, "title", label);
            String remediation = required(c, "remediation", label);
            Optional<Severity> severity = c.get("severity").text().flatMap(Severity::parse);
            if (severity.isEmpty()) {
                problem(c.get("severity"), label + ".severity must be one of CRITICAL, HIGH, MEDIUM, LOW, INFO (got '"
                        + c.get("severity").text("") + "')");
            }
            CustomCheckDefinition.Match match = match(c.get("match"), label);
            String expression = required(c, "expression", label);
            Optional<String> messageExpression = c.get("messageExpression").text();
            if (c.get("messageExpression").isPresent() && messageExpression.isEmpty()) {
                problem(c.get("messageExpression"), label + ".messageExpression must be a string");
            }
            List<String> references = new ArrayList<>();
            if (c.get("references").isPresent() && !c.get("references").isSequence()) {
                problem(c.get("references"), label + ".references must be a list of URLs");
            }
            c.get("references").elements().forEach(r -> references.add(r.text("")));
            YamlNode params = c.get("params");
            if (id.isEmpty() || title.isEmpty() || remediation.isEmpty() || severity.isEmpty()
                    || expression.isEmpty()) {
                continue;
            }
            CustomCheckDefinition definition = new CustomCheckDefinition(id, title, severity.get(),
                    c.get("description").text("").strip(), remediation, references, match, expression,
                    messageExpression, c.get("message").text(""), params.isPresent() ? Optional.of(params)
                            : Optional.empty(), c.location());
            ExpressionCompiler compiler = ExpressionCompiler.of(Environment.CUSTOM_CHECK);
            Optional<Expression> compiled = compile(compiler, c.get("expression"), ExpressionCompiler.Result.BOOL,
                    label + ".expression");
            Optional<Expression> message = messageExpression.isPresent() ? compile(compiler,
                    c.get("messageExpression"), ExpressionCompiler.Result.STRING, label + ".messageExpression")
                    : Optional.empty();
            if (compiled.isPresent() && (messageExpression.isEmpty() || message.isPresent())) {
                out.add(new CustomCheck(definition, compiled.get(), message));
            }
        }
        return out;
    }

    /** The ids of the custom checks read, those that did not compile included. */
    Set<String> declaredIds() {
        return Set.copyOf(declared);
    }

    private Optional<Expression> compile(final ExpressionCompiler compiler, final YamlNode node,
            final ExpressionCompiler.Result result, final String where) {
        try {
            return Optional.of(compiler.compile(node.text(""), result));
        } catch (CompileException e) {
            for (CompileException.Problem p : e.problems()) {
                Location at = ScalarPositions.locate(text, node.location(), p.line(), p.column());
                problems.add(new ConfigurationException.Problem(at, (at.column() > 0 ? "column " + at.column()
                        + ": " : "") + where + " does not compile: " + p.message()));
            }
            return Optional.empty();
        }
    }

    private CustomCheckDefinition.Match match(final YamlNode node, final String where) {
        if (node.isUnset()) {
            return CustomCheckDefinition.Match.ALL;
        }
        if (!node.isMap()) {
            problem(node, where + ".match must be a mapping with kinds, apiGroups, namespaces, labels");
            return CustomCheckDefinition.Match.ALL;
        }
        node.entries().forEach((k, v) -> {
            if (!MATCH_KEYS.contains(k)) {
                problem(v, "Unknown key '" + k + "' in " + where + ".match (allowed: apiGroups, kinds, labels, "
                        + "namespaces)");
            }
        });
        Map<String, String> labels = new LinkedHashMap<>();
        YamlNode l = node.get("labels");
        if (l.isPresent() && !l.isMap()) {
            problem(l, where + ".match.labels must be a mapping of label names to values");
        }
        l.entries().forEach((k, v) -> {
            if (v.isScalar()) {
                labels.put(k, v.text(""));
            } else {
                problem(v, where + ".match.labels." + k + " must be a value");
            }
        });
        return new CustomCheckDefinition.Match(strings(node.get("kinds"), where + ".match.kinds"),
                strings(node.get("apiGroups"), where + ".match.apiGroups"),
                strings(node.get("namespaces"), where + ".match.namespaces"), labels);
    }

    private List<String> strings(final YamlNode node, final String where) {
        List<String> out = new ArrayList<>();
        if (node.isUnset()) {
            return out;
        }
        if (!node.isSequence()) {
            problem(node, where + " must be a list");
            return out;
        }
        node.elements().forEach(e -> {
            if (e.isScalar() || e.type() == YamlNode.Type.NULL) {
                out.add(e.text(""));
            } else {
                problem(e, where + " must hold plain values");
            }
        });
        return out;
    }

    private String required(final YamlNode map, final String key, final String where) {
        String value = map.get(key).text("").strip();
        if (value.isEmpty()) {
            problem(map.get(key), where + " needs a non-empty " + key);
        }
        return value;
    }

    private void problem(final YamlNode node, final String message) {
        problems.add(new ConfigurationException.Problem(node.location(), message));
    }
}
