package io.k8sgate.core.cel;

import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelVariableResolver;
import io.k8sgate.core.input.WorkloadKinds;
import io.k8sgate.core.input.YamlNode;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The values of the variables for one evaluation: the object (always a CREATE before deploy, so {@code oldObject}
 * is null), the admission request, the policy's params, the Namespace of the object when it is among the inputs,
 * the authorizer (which cannot decide before deploy), and the policy's variables. Each value is made when an
 * expression first reads it: most expressions read the object only, and the gate evaluates hundreds of thousands.
 * One evaluation uses its bindings on one thread.
 */
public final class Bindings {
    private final YamlNode object;
    private final WorkloadKinds kinds;
    private final Supplier<Map<String, Object>> requestSource;
    private final @Nullable YamlNode params;
    private final Supplier<@Nullable YamlNode> namespaceSource;
    private final List<Variable> variables;
    private final @Nullable LazyVariables lazy;
    private @Nullable Object objectValue;
    private @Nullable Map<String, Object> request;

    private Bindings(final YamlNode object, final WorkloadKinds kinds, final Supplier<Map<String, Object>> request,
            final @Nullable YamlNode params, final Supplier<@Nullable YamlNode> namespaceObject,
            final List<Variable> variables) {
        this.object = object;
        this.kinds = kinds;
        this.requestSource = request;
        this.params = params;
        this.namespaceSource = namespaceObject;
        this.variables = variables;
        this.lazy = variables.isEmpty() ? null : new LazyVariables(this);
    }

    /**
     * The bindings of one object.
     *
     * @param object          the object
     * @param kinds           where the pod helpers find the object's pods
     * @param request         makes the admission request ({@link #request})
     * @param params          the params object, if the policy has one
     * @param namespaceObject finds the object's Namespace (null when it is not among the inputs)
     */
    public static Bindings of(final YamlNode object, final WorkloadKinds kinds,
            final Supplier<Map<String, Object>> request, final @Nullable YamlNode params,
            final Supplier<@Nullable YamlNode> namespaceObject) {
        return new Bindings(object, kinds, request, params, namespaceObject, List.of());
    }

    /** The bindings of one object, every value given, pods found with the built-in table of kinds. */
    public static Bindings of(final YamlNode object, final Map<String, Object> request,
            final @Nullable YamlNode params, final @Nullable YamlNode namespaceObject) {
        return of(object, WorkloadKinds.BUILT_IN, () -> request, params, () -> namespaceObject);
    }

    /**
     * The same bindings with a policy's variables, each evaluated at most once (when first read) for all the
     * expressions evaluated with the new bindings.
     */
    public Bindings withVariables(final List<Variable> policyVariables) {
        return new Bindings(object, kinds, requestSource, params, namespaceSource, List.copyOf(policyVariables));
    }

    /** The variables CEL reads; a variable evaluated now is charged to {@code budget}. */
    CelVariableResolver resolver(final CostBudget budget) {
        if (lazy != null) {
            lazy.budget = budget;
        }
        return name -> Optional.ofNullable(value(name));
    }

    private @Nullable Object value(final String name) {
        switch (name) {
            case "object":
                if (objectValue == null) {
                    objectValue = NodeValues.object(object, kinds);
                }
                return objectValue;
            case "oldObject":
                return NullValue.NULL_VALUE;
            case "request":
                if (request == null) {
                    request = requestSource.get();
                }
                return request;
            case "params":
                return params == null ? NullValue.NULL_VALUE : NodeValues.of(params);
            case "namespaceObject":
                YamlNode ns = namespaceSource.get();
                return ns == null ? NullValue.NULL_VALUE : NodeValues.of(ns);
            case "authorizer":
                return AuthorizerLibrary.AUTHORIZER_VALUE;
            case "authorizer.requestResource":
                return AuthorizerLibrary.REQUEST_RESOURCE;
            case "variables":
                return lazy;
            default:
                return null;
        }
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
        r.put("dryRun", false);
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
     * {@code variables}: each evaluated on first read, then kept, errors included. The budget is that of the
     * expression being evaluated.
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
                    CostBudget paying = Objects.requireNonNull(budget, "budget");
                    try {
                        Object result = v.expression().evaluate(bindings, paying);
                        value = result == null ? NullValue.NULL_VALUE : result;
                    } catch (EvaluationException e) {
                        value = e.isCostLimit() ? e : new EvaluationException(EvaluationException.Kind.ERROR,
                                "composited variable \"" + v.name() + "\" fails to evaluate: " + e.getMessage());
                    }
                    budget = paying;
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
