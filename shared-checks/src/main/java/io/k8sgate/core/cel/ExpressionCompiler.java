package io.k8sgate.core.cel;

import dev.cel.bundle.Cel;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles expressions of one {@link Environment}, type-checking them against its variables: an undeclared name,
 * a field {@code request} does not have, a function called with the wrong arguments or a result of the wrong type
 * is a compile error with its line and column. Immutable; {@link #withVariable} gives a compiler that knows one more
 * variable, as a policy's variables are compiled in order, each seeing those before it.
 */
public final class ExpressionCompiler {
    /** Functions of Kubernetes' CEL libraries that the gate does not evaluate (a compile error names them). */
    private static final Set<String> UNSUPPORTED = Set.of("semver", "isSemver", "image", "isImage",
            "fieldSelector", "labelSelector", "jsonpatch.escapeKey");
    private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']+)'");

    /** What an expression must evaluate to. */
    public enum Result {
        /** A bool: validations, matchConditions, custom checks. */
        BOOL,
        /** A string: messageExpressions. */
        STRING,
        /** A string or null: the valueExpression of an audit annotation. */
        STRING_OR_NULL,
        /** Anything: variables. */
        ANY
    }

    private final Environment environment;
    private final Cel cel;
    private final Map<String, CelType> variables;

    private ExpressionCompiler(final Environment environment, final Cel cel, final Map<String, CelType> variables) {
        this.environment = environment;
        this.cel = cel;
        this.variables = variables;
    }

    /** A compiler for the given environment. */
    public static ExpressionCompiler of(final Environment environment) {
        return new ExpressionCompiler(environment, Environments.base(environment), Map.of());
    }

    /**
     * The same compiler where {@code variables.<name>} is declared with the type of {@code expression}.
     *
     * @throws IllegalStateException when the environment has no variables
     */
    public ExpressionCompiler withVariable(final String name, final Expression expression) {
        if (!environment.hasVariables()) {
            throw new IllegalStateException(environment + " expressions have no variables");
        }
        Map<String, CelType> more = new LinkedHashMap<>(variables);
        more.put(name, expression.type());
        return new ExpressionCompiler(environment, Environments.withVariables(environment, more), more);
    }

    /**
     * Compiles and type-checks an expression.
     *
     * @throws CompileException with every problem, each at its line and column within {@code source}
     */
    public Expression compile(final String source, final Result expected) throws CompileException {
        CelValidationResult result = cel.compile(source);
        if (result.hasError()) {
            List<CompileException.Problem> problems = new ArrayList<>();
            for (CelIssue issue : result.getErrors()) {
                problems.add(new CompileException.Problem(Math.max(1, issue.getSourceLocation().getLine()),
                        issue.getSourceLocation().getColumn() + 1, hint(issue.getMessage())));
            }
            throw new CompileException(problems);
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            CelType type = ast.getResultType();
            if (!fits(type, expected)) {
                throw new CompileException(List.of(new CompileException.Problem(1, 1, "expected type '"
                        + expected.name().toLowerCase(java.util.Locale.ROOT).replace("_or_null", " or null")
                        + "' but found '" + type.name() + "'")));
            }
            return new Expression(source, cel.createProgram(ast), type);
        } catch (CelValidationException | CelEvaluationException e) {
            throw new CompileException(List.of(new CompileException.Problem(1, 1,
                    Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()))));
        }
    }

    private static boolean fits(final CelType type, final Result expected) {
        CelKind kind = type.kind();
        if (kind == CelKind.DYN || kind == CelKind.ANY || kind == CelKind.TYPE_PARAM || expected == Result.ANY) {
            return true;
        }
        switch (expected) {
            case BOOL:
                return kind == CelKind.BOOL;
            case STRING:
                return kind == CelKind.STRING;
            default:
                return kind == CelKind.STRING || kind == CelKind.NULL_TYPE;
        }
    }

    private static String hint(final String message) {
        Matcher m = UNDECLARED.matcher(message);
        if (m.find() && UNSUPPORTED.contains(m.group(1))) {
            return message + " (" + m.group(1) + " belongs to a Kubernetes CEL library that the gate does not "
                    + "evaluate; the policy cannot be judged before deploy)";
        }
        return message;
    }
}
