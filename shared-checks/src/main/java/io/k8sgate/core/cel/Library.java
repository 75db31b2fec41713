package io.k8sgate.core.cel;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelFunctionOverload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A set of CEL functions: their declarations for the type checker and their implementations for the runtime. */
final class Library {
    private final Map<String, List<CelOverloadDecl>> overloads = new LinkedHashMap<>();
    private final List<CelFunctionBinding> bindings = new ArrayList<>();

    /**
     * Adds a receiver-style overload ({@code receiver.function(args)}).
     *
     * @param classes the Java classes of the receiver and the arguments, by which the runtime picks the overload
     */
    Library member(final String function, final String id, final CelType result, final List<CelType> parameters,
            final List<Class<?>> classes, final CelFunctionOverload implementation) {
        overloads.computeIfAbsent(function, f -> new ArrayList<>())
                .add(CelOverloadDecl.newMemberOverload(id, result, parameters));
        bindings.add(CelFunctionBinding.from(id, classes, implementation));
        return this;
    }

    /** Adds a global overload ({@code function(args)}). */
    Library global(final String function, final String id, final CelType result, final List<CelType> parameters,
            final List<Class<?>> classes, final CelFunctionOverload implementation) {
        overloads.computeIfAbsent(function, f -> new ArrayList<>())
                .add(CelOverloadDecl.newGlobalOverload(id, result, parameters));
        bindings.add(CelFunctionBinding.from(id, classes, implementation));
        return this;
    }

    /** The declarations, one per function with all its overloads. */
    List<CelFunctionDecl> declarations() {
        List<CelFunctionDecl> out = new ArrayList<>();
        overloads.forEach((name, list) -> out.add(CelFunctionDecl.newFunctionDeclaration(name, list)));
        return out;
    }

    /** The implementations. */
    List<CelFunctionBinding> bindings() {
        return bindings;
    }
}
