package io.k8sgate.core.check.custom;

import com.fasterxml.jackson.annotation.JsonValue;
import io.k8sgate.core.cel.Expression;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A custom check, compiled once when the policy is read. {@link CustomChecks#forRun} makes it a {@link
 * io.k8sgate.core.check.Check} of one run.
 */
public final class CustomCheck {
    private final CustomCheckDefinition definition;
    private final Expression expression;
    private final Optional<Expression> messageExpression;
    private final CheckMetadata metadata;

    /**
     * A compiled custom check.
     *
     * @param definition        the check as written
     * @param expression        its compiled expression (a bool)
     * @param messageExpression its compiled messageExpression (a string), if it has one
     */
    public CustomCheck(final CustomCheckDefinition definition, final Expression expression,
            final Optional<Expression> messageExpression) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.expression = Objects.requireNonNull(expression, "expression");
        this.messageExpression = Objects.requireNonNull(messageExpression, "messageExpression");
        String description = definition.description().isEmpty()
                ? "A custom check of " + definition.location().file() + " (line " + definition.location().line()
                        + "): objects comply when `" + definition.expression().strip() + "` holds."
                : definition.description();
        this.metadata = CheckMetadata.of(definition.id(), definition.title(), definition.severity(), Category.CUSTOM)
                .withText(description, definition.remediation())
                .withReferences(definition.references().toArray(String[]::new)).withObjectScope();
    }

    /** The check as written. */
    public CustomCheckDefinition definition() {
        return definition;
    }

    /** What the check is, as the catalogue and the reports show it. */
    public CheckMetadata metadata() {
        return metadata;
    }

    /**
     * What the check decides, as plain values: the definition without where it is written. The policy's hash (kept
     * with every baseline version) is taken over it, so that a changed expression, match or severity changes the
     * hash and a check that only moved in the file does not.
     */
    @JsonValue
    public Map<String, Object> decisive() {
        CustomCheckDefinition d = definition;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", d.id());
        out.put("title", d.title());
        out.put("severity", d.severity().name());
        out.put("description", d.description());
        out.put("remediation", d.remediation());
        out.put("references", d.references());
        out.put("match", Map.of("kinds", d.match().kinds(), "apiGroups", d.match().apiGroups(), "namespaces",
                d.match().namespaces(), "labels", d.match().labels()));
        out.put("expression", d.expression());
        out.put("messageExpression", d.messageExpression().orElse(""));
        out.put("message", d.message());
        out.put("params", d.params().map(p -> p.toJava()).orElse(null));
        return out;
    }

    Expression expression() {
        return expression;
    }

    Optional<Expression> messageExpression() {
        return messageExpression;
    }
}
