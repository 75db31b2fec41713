package io.k8sgate.core.cel;

import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationListener;
import io.k8sgate.core.input.YamlNode;
import java.util.Collection;
import java.util.Map;

/**
 * Counts the cost of one evaluation as CEL evaluates it, node by node, and stops it past its limit. One unit per
 * operation (reading a variable or field, calling a function), list and map literals as the API server charges them,
 * nothing for constants, and one unit per ten characters or elements of every value read or produced, so that work
 * on large strings and lists is paid for by its size.
 */
final class CostMeter implements CelEvaluationListener {
    private static final long LIST_LITERAL = 10;
    private static final long MAP_LITERAL = 30;
    private static final long STRUCT_LITERAL = 40;
    private static final int UNITS_PER_COST = 10;

    private final CostBudget budget;
    private final long limit;
    private long spent;

    /**
     * A meter that stops the evaluation once it has spent more than the limit of one expression, or more than what is
     * left of the budget (which variables evaluated meanwhile also draw on).
     */
    CostMeter(final CostBudget budget) {
        this.budget = budget;
        this.limit = budget.limits().perExpression();
    }

    /** The units spent so far. */
    long spent() {
        return spent;
    }

    @Override
    public void callback(final CelExpr expr, final Object result) {
        spent += cost(expr, result);
        if (spent > limit || spent > budget.remaining()) {
            throw new LimitReached();
        }
    }

    private static long cost(final CelExpr expr, final Object result) {
        switch (expr.exprKind().getKind()) {
            case CONSTANT:
                return 0;
            case IDENT:
                // a comprehension's accumulator is the macro's own bookkeeping, not a value the expression reads
                String name = expr.ident().name();
                return name.startsWith("@") || name.startsWith("__") ? 1 : 1 + size(result);
            case LIST:
                return LIST_LITERAL + size(result);
            case MAP:
                return MAP_LITERAL + size(result);
            case STRUCT:
                return STRUCT_LITERAL;
            case COMPREHENSION:
                return size(result);
            default:
                return 1 + size(result);
        }
    }

    private static long size(final Object value) {
        long length;
        if (value instanceof String s) {
            length = s.length();
        } else if (value instanceof NodeValues.NodeMap || value instanceof NodeValues.NodeList) {
            YamlNode node = NodeValues.node(value);
            length = node == null ? 0 : node.size();
        } else if (value instanceof Bindings.LazyVariables) {
            return 0;
        } else if (value instanceof Collection<?> c) {
            length = c.size();
        } else if (value instanceof Map<?, ?> m) {
            length = m.size();
        } else {
            return 0;
        }
        return length / UNITS_PER_COST;
    }

    /** Thrown from inside the evaluation to stop it; the expression turns it into an {@link EvaluationException}. */
    static final class LimitReached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LimitReached() {
            super("CEL cost limit reached", null, false, false);
        }
    }
}
