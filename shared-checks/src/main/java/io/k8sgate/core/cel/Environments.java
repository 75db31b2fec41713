package io.k8sgate.core.cel;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the CEL environments, once per run of the JVM: Kubernetes' base environment (standard macros and
 * functions, optional values, cross-type numeric comparisons, the strings extension with {@code format}, sets,
 * two-variable comprehensions, and the Kubernetes libraries for lists, regular expressions, URLs, quantities, IP
 * addresses and CIDRs, named formats and the authorizer) with the variables of each {@link Environment}.
 */
final class Environments {
    static final CelOptions OPTIONS = CelOptions.current().enableOptionalSyntax(true)
            .enableHeterogeneousNumericComparisons(true).build();
    /** Each environment is built when first needed: the first build of the CEL library costs a second or more. */
    private static final Map<Environment, Cel> WITHOUT_VARIABLES = new ConcurrentHashMap<>();
    private static final Map<Environment, Cel> BASE = new ConcurrentHashMap<>();

    private Environments() {
    }

    /** The environment; for one with variables, without any declared yet. */
    static Cel base(final Environment environment) {
        return BASE.computeIfAbsent(environment, e -> e.hasVariables() ? withVariables(e, Map.of()) : plain(e));
    }

    private static Cel plain(final Environment environment) {
        return WITHOUT_VARIABLES.computeIfAbsent(environment, Environments::create);
    }

    /** The environment with {@code variables} typed by the given fields (from the environment without them). */
    static Cel withVariables(final Environment environment, final Map<String, CelType> fields) {
        return plain(environment).toCelBuilder().setTypeProvider(AdmissionTypes.with(fields))
                .addVar("variables", AdmissionTypes.variables(fields)).build();
    }

    private static Cel create(final Environment environment) {
        CelBuilder b = CelFactory.legacyCelBuilder().setOptions(OPTIONS)
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
        return b.build();
    }
}
