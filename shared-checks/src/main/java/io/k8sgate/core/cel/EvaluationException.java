package io.k8sgate.core.cel;

import java.util.Objects;

/**
 * An expression could not be evaluated: a runtime error (a missing field, a type mismatch, an invalid quantity, ...)
 * or a cost limit reached. The message is the one the API server would give.
 */
public final class EvaluationException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the evaluation stopped. */
    public enum Kind {
        /** The expression failed on this input. */
        ERROR,
        /** The expression used more than the cost limit of one expression. */
        EXPRESSION_COST,
        /** The expressions of one evaluation used more than their shared budget. */
        EVALUATION_BUDGET,
        /** The policy used more than its budget for the whole run. */
        RUN_BUDGET
    }

    private final Kind kind;

    /** An evaluation failure of the given kind. */
    public EvaluationException(final Kind kind, final String message) {
        super(message);
        this.kind = kind;
    }

    /** The message: never null, since every constructor makes one. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }

    /** Why the evaluation stopped. */
    public Kind kind() {
        return kind;
    }

    /** True when a cost limit stopped the evaluation. */
    public boolean isCostLimit() {
        return kind != Kind.ERROR;
    }
}
