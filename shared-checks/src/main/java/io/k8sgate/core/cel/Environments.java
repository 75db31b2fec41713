package io.k8sgate.core.cel;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the CEL environments, once per run of the JVM: Kubernetes' base environment (standard macros and
 * functions, optional values, cross-type numeric comparisons, the strings extension with {@code format}, sets,
 * two-variable comprehensions, and the Kubernetes libraries for lists, regular expressions, URLs, quantities, IP
 * addresses and CIDRs, named formats and the authorizer) with the variables of each {@link Environment}.
 */
final class Environments {
    static final CelOptions OPTIONS = CelOptions.current().enableOptionalSyntax(true)
            .enableHeterogeneousNumericComparisons(true).build();
    private static final Map<Environment, Cel> BASE = build();

    private Environments() {
    }

    static Cel base(final Environment environment) {
        return BASE.get(environment);
    }

    /** The environment with {@code variables} typed by the given fields. */
    static Cel withVariables(final Cel base, final Map<String, CelType> fields) {
        return base.toCelBuilder().setTypeProvider(AdmissionTypes.with(fields))
                .addVar("variables", AdmissionTypes.variables(fields)).build();
    }

    private static Map<Environment, Cel> build() {
        Map<Environment, Cel> all = new EnumMap<>(Environment.class);
        for (Environment e : Environment.values()) {
            all.put(e, create(e));
        }
        return all;
    }

    private static Cel create(final Environment environment) {
        CelBuilder b = CelFactory.standardCelBuilder().setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setTypeProvider(AdmissionTypes.with(Map.of()))
                .addCompilerLibraries(CelExtensions.strings(), CelExtensions.optional(), CelExtensions.sets(OPTIONS),
                        CelExtensions.comprehensions())
                .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.optional(), CelExtensions.sets(OPTIONS),
                        CelExtensions.comprehensions())
                .addVar("object", SimpleType.DYN)
                .addVar("oldObject", SimpleType.DYN)
                .addVar("params", SimpleType.DYN)
                .addVar("namespaceObject", SimpleType.DYN)
                .addVar("request", AdmissionTypes.REQUEST)
                .addVar("authorizer", AuthorizerLibrary.AUTHORIZER)
                .addVar("authorizer.requestResource", AuthorizerLibrary.RESOURCE_CHECK);
        List<Library> libraries = new java.util.ArrayList<>(List.of(ListsLibrary.create(), RegexLibrary.create(),
                UrlLibrary.create(), QuantityLibrary.create(), NetworkLibrary.create(), FormatLibrary.create(),
                AuthorizerLibrary.create(), StringFormatLibrary.create()));
        if (environment.hasPodHelpers()) {
            libraries.add(WorkloadLibrary.create());
        }
        for (Library library : libraries) {
            b.addFunctionDeclarations(library.declarations()).addFunctionBindings(library.bindings());
        }
        Cel cel = b.build();
        return environment.hasVariables() ? withVariables(cel, Map.of()) : cel;
    }
}
