package io.k8sgate.core.cel;

import dev.cel.common.values.NullValue;
import io.k8sgate.core.input.YamlNode;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The values of the variables for one evaluation: the object (always a CREATE before deploy, so {@code oldObject}
 * is null), the admission request, the policy's params, the Namespace of the object when it is among the inputs,
 * the authorizer (which cannot decide before deploy), and the policy's variables, evaluated when first read.
 */
public final class Bindings {
    private final Map<String, Object> values;
    private final List<Variable> variables;
    private final @Nullable LazyVariables lazy;

    private Bindings(final Map<String, Object> values, final List<Variable> variables) {
        this.values = values;
        this.variables = variables;
        this.lazy = variables.isEmpty() ? null : new LazyVariables(this);
    }

    /**
     * The bindings of one object.
     *
     * @param object          the object
     * @param request         the admission request ({@link #request})
     * @param params          the params object, if the policy has one
     * @param namespaceObject the object's Namespace, when it is among the inputs
     */
    public static Bindings of(final YamlNode object, final Map<String, Object> request,
            final @Nullable YamlNode params, final @Nullable YamlNode namespaceObject) {
        Map<String, Object> values = new HashMap<>();
        values.put("object", NodeValues.of(object));
        values.put("oldObject", NullValue.NULL_VALUE);
        values.put("request", request);
        values.put("params", params == null ? NullValue.NULL_VALUE : NodeValues.of(params));
        values.put("namespaceObject", namespaceObject == null ? NullValue.NULL_VALUE : NodeValues.of(namespaceObject));
        values.put("authorizer", AuthorizerLibrary.AUTHORIZER_VALUE);
        values.put("authorizer.requestResource", AuthorizerLibrary.REQUEST_RESOURCE);
        return new Bindings(values, List.of());
    }

    /**
     * The same bindings with a policy's variables, each evaluated at most once (when first read) for all the
     * expressions evaluated with the new bindings.
     */
    public Bindings withVariables(final List<Variable> policyVariables) {
        return new Bindings(values, List.copyOf(policyVariables));
    }

    /** The values CEL reads; a variable evaluated now is charged to {@code budget}. */
    Map<String, Object> activation(final CostBudget budget) {
        if (lazy == null) {
            return values;
        }
        lazy.budget = budget;
        Map<String, Object> all = new HashMap<>(values);
        all.put("variables", lazy);
        return all;
    }

    /**
     * An admission request as the API server builds it for a CREATE by an unknown user.
     *
     * @param kind      group, version and kind of the object (as matched)
     * @param resource  group, version and resource (as matched)
     * @param name      the object's name
     * @param namespace the object's namespace, empty for cluster-scoped objects
     */
    public static Map<String, Object> request(final List<String> kind, final List<String> resource,
            final String name, final String namespace) {
        Map<String, Object> gvk = Map.of("group", kind.get(0), "version", kind.get(1), "kind", kind.get(2));
        Map<String, Object> gvr = Map.of("group", resource.get(0), "version", resource.get(1), "resource",
                resource.get(2));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("kind", gvk);
        r.put("resource", gvr);
        r.put("subResource", "");
        r.put("requestKind", gvk);
        r.put("requestResource", gvr);
        r.put("requestSubResource", "");
        r.put("name", name);
        r.put("namespace", namespace);
        r.put("operation", "CREATE");
        r.put("userInfo", Map.of("username", "", "uid", "", "groups", List.of(), "extra", Map.of()));
        r.put("dryRun", Boolean.FALSE);
        r.put("options", Map.of("apiVersion", "meta.k8s.io/v1", "kind", "CreateOptions"));
        return r;
    }

    /** A variable of a policy: its name and its compiled expression. */
    public record Variable(String name, Expression expression) {
    }

    /** A variable failed; carried through CEL's evaluation to the expression that read it. */
    static final class VariableFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient EvaluationException failure;

        VariableFailure(final EvaluationException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }

        EvaluationException failure() {
            return failure;
        }
    }

    /**
     * {@code variables}: each evaluated on first read, then kept, errors included. One evaluation reads it on one
     * thread; the budget is that of the expression being evaluated.
     */
    static final class LazyVariables extends AbstractMap<String, Object> {
        private final Bindings bindings;
        private final Map<String, Object> done = new HashMap<>();
        private @Nullable CostBudget budget;

        LazyVariables(final Bindings bindings) {
            this.bindings = bindings;
        }

        @Override
        public @Nullable Object get(final @Nullable Object key) {
            if (done.containsKey(key)) {
                return outcome(done.get(key));
            }
            for (Variable v : bindings.variables) {
                if (v.name().equals(key)) {
                    Object value;
                    CostBudget paying = java.util.Objects.requireNonNull(budget, "budget");
                    try {
                        Object result = v.expression().evaluate(bindings, paying);
                        budget = paying;
                        value = result == null ? NullValue.NULL_VALUE : result;
                    } catch (EvaluationException e) {
                        budget = paying;
                        value = e.isCostLimit() ? e : new EvaluationException(EvaluationException.Kind.ERROR,
                                "composited variable \"" + v.name() + "\" fails to evaluate: " + e.getMessage());
                    }
                    done.put(v.name(), value);
                    return outcome(value);
                }
            }
            return null;
        }

        private static Object outcome(final Object value) {
            if (value instanceof EvaluationException e) {
                throw new VariableFailure(e);
            }
            return value;
        }

        @Override
        public boolean containsKey(final @Nullable Object key) {
            return bindings.variables.stream().anyMatch(v -> v.name().equals(key));
        }

        @Override
        public int size() {
            return bindings.variables.size();
        }

        @Override
        public boolean equals(final @Nullable Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            Map<String, Object> all = new LinkedHashMap<>();
            bindings.variables.forEach(v -> all.put(v.name(), get(v.name())));
            return all.entrySet();
        }
    }
}
