package io.k8sgate.core.cel;

import dev.cel.common.types.CelType;
import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelUnknownSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A compiled expression, ready to be evaluated any number of times, from any thread. */
public final class Expression {
    private static final Pattern POSITION = Pattern.compile("^evaluation error at [^:]*:(\\d+): ");

    private final String source;
    private final CelRuntime.Program program;
    private final CelType type;

    Expression(final String source, final CelRuntime.Program program, final CelType type) {
        this.source = source;
        this.program = program;
        this.type = type;
    }

    /** The expression as written. */
    public String source() {
        return source;
    }

    /** The type the checker gave the result. */
    CelType type() {
        return type;
    }

    /**
     * Evaluates the expression, charging its cost to {@code budget}.
     *
     * @return the result: Boolean, Long, Double, String, a List, a Map, an Optional, ...; null for CEL's null
     * @throws EvaluationException when the expression fails on this input or a cost limit is reached
     */
    public @Nullable Object evaluate(final Bindings bindings, final CostBudget budget) throws EvaluationException {
        budget.checkRun();
        if (budget.remaining() <= 0) {
            throw outOfBudget();
        }
        CostMeter meter = new CostMeter(budget);
        Object result;
        try {
            result = program.trace(bindings.resolver(budget), meter);
        } catch (CelEvaluationException e) {
            throw translate(e, meter, budget);
        } finally {
            budget.charge(meter.spent());
        }
        if (result instanceof CelUnknownSet) {
            throw new EvaluationException(EvaluationException.Kind.ERROR, "the expression depends on a value the "
                    + "gate does not have");
        }
        return result instanceof NullValue ? null : result;
    }

    /** Evaluates an expression that must give a bool. */
    public boolean evaluateBoolean(final Bindings bindings, final CostBudget budget) throws EvaluationException {
        Object result = evaluate(bindings, budget);
        if (result instanceof Boolean b) {
            return b;
        }
        throw new EvaluationException(EvaluationException.Kind.ERROR, "expression '" + source + "' must evaluate "
                + "to a bool, not " + (result == null ? "null" : Values.typeName(result)));
    }

    private EvaluationException translate(final CelEvaluationException e, final CostMeter meter,
            final CostBudget budget) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CostMeter.LimitReached) {
                return meter.spent() > budget.limits().perExpression()
                        ? new EvaluationException(EvaluationException.Kind.EXPRESSION_COST, "expression '" + source
                                + "' resulted in error: operation cancelled: actual cost limit exceeded (one "
                                + "expression may spend " + budget.limits().perExpression() + " cost units)")
                        : outOfBudget();
            }
            if (t instanceof Bindings.VariableFailure v) {
                EvaluationException cause = v.failure();
                return cause.isCostLimit() ? cause : new EvaluationException(EvaluationException.Kind.ERROR,
                        "expression '" + source + "' resulted in error: " + cause.getMessage());
            }
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        Matcher m = POSITION.matcher(message);
        if (m.find()) {
            message = message.substring(m.end()) + " (at character " + (Integer.parseInt(m.group(1)) + 1) + ")";
        }
        if (e.getCause() != null && e.getCause().getMessage() != null
                && !message.contains(e.getCause().getMessage())) {
            message = message + ": " + e.getCause().getMessage();
        }
        return new EvaluationException(EvaluationException.Kind.ERROR, "expression '" + source
                + "' resulted in error: " + message);
    }

    private static EvaluationException outOfBudget() {
        return new EvaluationException(EvaluationException.Kind.EVALUATION_BUDGET, "validation failed due to "
                + "running out of cost budget, no further validation rules will be run");
    }

    @Override
    public String toString() {
        return source;
    }
}
