package io.k8sgate.core.cel;

/** Where an expression is written, which decides the variables and functions it may use. */
public enum Environment {
    /**
     * The validations, messageExpressions, variables and auditAnnotations of a ValidatingAdmissionPolicy:
     * {@code object}, {@code oldObject}, {@code request}, {@code params}, {@code namespaceObject},
     * {@code authorizer} and {@code variables}, with the Kubernetes CEL libraries.
     */
    ADMISSION(true, false),
    /** The matchConditions of a ValidatingAdmissionPolicy: as {@link #ADMISSION}, without {@code variables}. */
    MATCH_CONDITION(false, false),
    /** A custom check of the policy file: as {@link #MATCH_CONDITION}, plus the gate's pod helpers. */
    CUSTOM_CHECK(false, true);

    private final boolean variables;
    private final boolean podHelpers;

    Environment(final boolean variables, final boolean podHelpers) {
        this.variables = variables;
        this.podHelpers = podHelpers;
    }

    /** True when expressions may read {@code variables}. */
    public boolean hasVariables() {
        return variables;
    }

    /** True when expressions may call {@code podSpec}, {@code podMetadata} and {@code allContainers}. */
    public boolean hasPodHelpers() {
        return podHelpers;
    }
}
