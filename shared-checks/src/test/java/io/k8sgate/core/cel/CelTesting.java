package io.k8sgate.core.cel;

import io.k8sgate.core.input.LoaderLimits;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.input.YamlParser;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Compiles and evaluates expressions against small manifests. */
final class CelTesting {
    private CelTesting() {
    }

    static YamlNode yaml(final String text) {
        return new YamlParser(LoaderLimits.DEFAULT).parse("t.yaml", text, d -> {
            throw new IllegalArgumentException(d.toString());
        }).get(0).root().orElseThrow();
    }

    static Bindings bindings(final String object) {
        return Bindings.of(yaml(object), Bindings.request(List.of("apps", "v1", "Deployment"),
                List.of("apps", "v1", "deployments"), "web", "shop"), null, null);
    }

    static CostBudget budget() {
        return CostBudget.of(CostLimits.KUBERNETES, new CostBudget.RunAccount());
    }

    static @Nullable Object eval(final Environment environment, final String expression, final String object)
            throws CompileException, EvaluationException {
        return ExpressionCompiler.of(environment).compile(expression, ExpressionCompiler.Result.ANY)
                .evaluate(bindings(object), budget());
    }

    static Map<String, Object> empty() {
        return Map.of();
    }
}
