package io.k8sgate.core.cel;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** An expression does not compile: a syntax error, an undeclared name, a wrong type. */
public final class CompileException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    /**
     * One problem, at a 1-based line and column of the expression's text.
     *
     * @param line    the line in the expression (1 for a one-line expression)
     * @param column  the column in that line
     * @param message CEL's message
     */
    public record Problem(int line, int column, String message) {
    }

    CompileException(final List<Problem> problems) {
        super(problems.stream().map(p -> p.line() + ":" + p.column() + ": " + p.message())
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** The message: never null, since every constructor makes one. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }

    /** Every problem, in the order CEL reports them. */
    public List<Problem> problems() {
        return problems;
    }
}
