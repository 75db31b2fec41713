package io.k8sgate.core.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cost limits that keep a hostile expression from hanging the build. */
class ExpressionCostTest {
    private static final String OBJECT = "metadata: {name: web}\nspec: {replicas: 3}\n";
    private static final String HUNDRED = "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, "
            + "21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, "
            + "47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, "
            + "73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, "
            + "99]";
    private static final String LOOPS = "variables.h.all(a, variables.h.all(b, variables.h.all(c, a + b + c >= 0)))";

    private static Expression compile(final ExpressionCompiler compiler, final String source) throws CompileException {
        return compiler.compile(source, ExpressionCompiler.Result.ANY);
    }

    private static Bindings withHundred(final ExpressionCompiler[] compiler) throws CompileException {
        Expression h = compile(compiler[0], HUNDRED);
        compiler[0] = compiler[0].withVariable("h", h);
        return CelTesting.bindings(OBJECT).withVariables(List.of(new Bindings.Variable("h", h)));
    }

    @Test
    void shouldChargeOperationsAndSizesButNotConstants() throws Exception {
        ExpressionCompiler compiler = ExpressionCompiler.of(Environment.ADMISSION);
        CostBudget budget = CelTesting.budget();

        compile(compiler, "true").evaluate(CelTesting.bindings(OBJECT), budget);
        long afterConstant = budget.remaining();
        compile(compiler, "object.spec.replicas <= 5").evaluate(CelTesting.bindings(OBJECT), budget);
        long afterSelect = budget.remaining();
        compile(compiler, "'" + "x".repeat(1000) + "' + 'y'").evaluate(CelTesting.bindings(OBJECT), budget);

        assertThat(afterConstant).isEqualTo(CostLimits.KUBERNETES.perEvaluation());
        assertThat(afterConstant - afterSelect).isBetween(3L, 6L);
        assertThat(afterSelect - budget.remaining()).as("a string of 1,001 characters").isGreaterThan(100L);
    }

    @Test
    void shouldStopOneExpressionAtItsLimit() throws Exception {
        ExpressionCompiler[] compiler = {ExpressionCompiler.of(Environment.ADMISSION)};
        Bindings bindings = withHundred(compiler);
        Expression loops = compile(compiler[0], LOOPS);
        CostBudget budget = CelTesting.budget();

        assertThatThrownBy(() -> loops.evaluate(bindings, budget)).isInstanceOfSatisfying(EvaluationException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(EvaluationException.Kind.EXPRESSION_COST);
                    assertThat(e.isCostLimit()).isTrue();
                    assertThat(e.getMessage()).contains("operation cancelled: actual cost limit exceeded");
                });
        assertThat(CostLimits.KUBERNETES.perEvaluation() - budget.remaining())
                .isGreaterThan(CostLimits.KUBERNETES.perExpression());
    }

    @Test
    void shouldShareOneBudgetAmongTheExpressionsOfAnEvaluation() throws Exception {
        CostLimits small = new CostLimits(1_000_000, 1_500_000, 100_000_000);
        ExpressionCompiler[] compiler = {ExpressionCompiler.of(Environment.ADMISSION)};
        Bindings bindings = withHundred(compiler);
        Expression half = compile(compiler[0], "variables.h.all(a, variables.h.all(b, a + b >= 0 && "
                + "variables.h.size() > 10 && variables.h[0] == 0 && variables.h[1] == 1))");
        CostBudget budget = CostBudget.of(small, new CostBudget.RunAccount());

        half.evaluate(bindings, budget);
        half.evaluate(bindings, budget);

        assertThatThrownBy(() -> half.evaluate(bindings, budget)).isInstanceOfSatisfying(EvaluationException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(EvaluationException.Kind.EVALUATION_BUDGET);
                    assertThat(e.getMessage()).isEqualTo("validation failed due to running out of cost budget, no "
                            + "further validation rules will be run");
                });
    }

    @Test
    void shouldStopAPolicyThatSpendsItsBudgetForTheRun() throws Exception {
        CostLimits limits = new CostLimits(1_000, 10_000, 50_000);
        CostBudget.RunAccount account = new CostBudget.RunAccount();
        Expression cheap = compile(ExpressionCompiler.of(Environment.ADMISSION),
                "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(x, x > 0)");
        int objects = 0;
        try {
            while (objects < 100_000) {
                cheap.evaluate(CelTesting.bindings(OBJECT), CostBudget.of(limits, account));
                objects++;
            }
        } catch (EvaluationException e) {
            assertThat(e.kind()).isEqualTo(EvaluationException.Kind.RUN_BUDGET);
            assertThat(e.getMessage()).contains("for the whole run");
        }
        assertThat(objects).isBetween(100, 10_000);
        assertThat(account.spent()).isGreaterThan(limits.perRun());
    }

    @Test
    void shouldEvaluateEachVariableOnceAndReportItsFailure() throws Exception {
        ExpressionCompiler compiler = ExpressionCompiler.of(Environment.ADMISSION);
        Expression missing = compile(compiler, "object.spec.missing");
        Expression twice = compile(compiler, "object.spec.replicas * 2");
        ExpressionCompiler with = compiler.withVariable("missing", missing).withVariable("twice", twice);
        Bindings bindings = CelTesting.bindings(OBJECT).withVariables(List.of(new Bindings.Variable("missing",
                missing), new Bindings.Variable("twice", twice)));
        CostBudget budget = CelTesting.budget();

        assertThat(compile(with, "variables.twice + variables.twice").evaluate(bindings, budget)).isEqualTo(12L);
        long afterFirst = budget.remaining();
        assertThat(compile(with, "variables.twice").evaluate(bindings, budget)).isEqualTo(6L);
        assertThat(afterFirst - budget.remaining()).as("read from the cache").isLessThan(3L);
        assertThatThrownBy(() -> compile(with, "variables.missing == 1").evaluate(bindings, budget))
                .hasMessageContaining("composited variable \"missing\" fails to evaluate")
                .hasMessageContaining("'missing'");
        assertThatThrownBy(() -> compiler.compile("variables.twice", ExpressionCompiler.Result.ANY))
                .isInstanceOf(CompileException.class).hasMessageContaining("undefined field 'twice'");
        assertThatThrownBy(() -> ExpressionCompiler.of(Environment.CUSTOM_CHECK).withVariable("x", twice))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldSayWhichResultTypeAnExpressionMustHave() throws Exception {
        ExpressionCompiler compiler = ExpressionCompiler.of(Environment.ADMISSION);

        assertThatThrownBy(() -> compiler.compile("1 + 1", ExpressionCompiler.Result.BOOL))
                .hasMessageContaining("expected type 'bool' but found 'int'");
        assertThatThrownBy(() -> compiler.compile("true", ExpressionCompiler.Result.STRING_OR_NULL))
                .hasMessageContaining("expected type 'string or null' but found 'bool'");
        assertThat(compiler.compile("null", ExpressionCompiler.Result.STRING_OR_NULL).evaluate(
                CelTesting.bindings(OBJECT), CelTesting.budget())).isNull();
        assertThat(compiler.compile("object.metadata.name", ExpressionCompiler.Result.STRING).source())
                .isEqualTo("object.metadata.name");
        assertThatThrownBy(() -> compiler.compile("semver('1.0.0').major() == 1", ExpressionCompiler.Result.BOOL))
                .hasMessageContaining("belongs to a Kubernetes CEL library that the gate does not evaluate");
        assertThatThrownBy(() -> compiler.compile("object.spec.replicas", ExpressionCompiler.Result.ANY)
                .evaluateBoolean(CelTesting.bindings(OBJECT), CelTesting.budget()))
                .hasMessageContaining("must evaluate to a bool, not int");
        assertThatThrownBy(() -> compiler.compile("podSpec(object)", ExpressionCompiler.Result.ANY))
                .as("the gate's helpers are not Kubernetes CEL").hasMessageContaining("podSpec");
    }
}
