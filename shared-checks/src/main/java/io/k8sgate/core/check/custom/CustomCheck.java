package io.k8sgate.core.check.custom;

import io.k8sgate.core.cel.Expression;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
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

    Expression expression() {
        return expression;
    }

    Optional<Expression> messageExpression() {
        return messageExpression;
    }
}
