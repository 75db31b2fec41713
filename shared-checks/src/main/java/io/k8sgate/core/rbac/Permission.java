package io.k8sgate.core.rbac;

import io.k8sgate.core.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A risky capability, such as "create pods" or "approve certificate signing requests", and how to recognise it in
 * the rules a subject holds in a scope.
 *
 * @param label       what it allows, for messages ({@code create pods})
 * @param severity    the severity of holding it inside one namespace
 * @param allOf       the parts that must all be granted (CSR approval needs two); one part is granted when any of its
 *                    verbs is allowed on any of its resources
 * @param namedCounts true when a rule limited to named objects still counts (impersonating one named user, proxying
 *                    to one named node, a token for one named service account)
 */
public record Permission(String label, Severity severity, List<Access> allOf, boolean namedCounts) {
    /**
     * One part of a permission.
     *
     * @param verbs        the verbs, any of which grants the part
     * @param groups       the API groups of the resources
     * @param resources    resources ({@code name} or {@code name/subresource})
     * @param countedNames object names that still grant the part when a rule is limited to them (a signer that
     *                     issues any client identity is as good as every signer)
     */
    public record Access(List<String> verbs, List<String> groups, List<String> resources, Set<String> countedNames) {
        public Access {
            verbs = List.copyOf(verbs);
            groups = List.copyOf(groups);
            resources = List.copyOf(resources);
            countedNames = Set.copyOf(countedNames);
        }

        /** A part that rules limited by resourceNames grant only when the permission counts named objects. */
        public Access(final List<String> verbs, final List<String> groups, final List<String> resources) {
            this(verbs, groups, resources, Set.of());
        }
    }

    public Permission {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(severity, "severity");
        allOf = List.copyOf(allOf);
    }

    /** Equal when every component is: the same as a record's own equality, written out beside {@link #hashCode}. */
    @Override
    public boolean equals(final @Nullable Object other) {
        return other instanceof Permission p && label.equals(p.label) && severity == p.severity
                && namedCounts == p.namedCounts && allOf.equals(p.allOf);
    }

    /**
     * The label's hash, which the runtime keeps: permissions are looked up in sets and maps for every grant of a run,
     * and the record's own hash would walk every verb, group and resource each time. Equal permissions have equal
     * labels, so this agrees with {@link #equals}.
     */
    @Override
    public int hashCode() {
        return label.hashCode();
    }

    /** A permission of one part. */
    static Permission of(final String label, final Severity severity, final List<String> verbs,
            final List<String> groups, final List<String> resources) {
        return new Permission(label, severity, List.of(new Access(verbs, groups, resources)), false);
    }

    /** The same permission, also granted by rules limited to named objects. */
    Permission namedToo() {
        return new Permission(label, severity, allOf, true);
    }

    /**
     * The rules that grant the permission in a scope, one per part in order; empty when some part is not granted.
     *
     * @param rules the rules a subject holds there
     * @param scope {@link RbacBinding#CLUSTER_WIDE} or the namespace the rules are limited to
     */
    public List<PolicyRule> grantedBy(final List<PolicyRule> rules, final String scope) {
        List<PolicyRule> found = new ArrayList<>();
        for (Access part : allOf) {
            PolicyRule match = null;
            for (PolicyRule rule : rules) {
                if (grants(rule, part, scope)) {
                    match = rule;
                    break;
                }
            }
            if (match == null) {
                return List.of();
            }
            found.add(match);
        }
        return found;
    }

    private boolean grants(final PolicyRule rule, final Access part, final String scope) {
        boolean clusterWide = RbacBinding.CLUSTER_WIDE.equals(scope);
        for (String resource : part.resources()) {
            boolean namespaceObject = resource.equals("namespaces") || resource.startsWith("namespaces/");
            if (!clusterWide && RbacGraph.isClusterScoped(resource) && !namespaceObject) {
                continue;
            }
            if (!rule.matchesResource(resource) || part.groups().stream().noneMatch(rule::matchesGroup)) {
                continue;
            }
            for (String verb : part.verbs()) {
                if (rule.matchesVerb(verb) && namesAllow(rule, part, verb, resource, scope, clusterWide,
                        namespaceObject)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean namesAllow(final PolicyRule rule, final Access part, final String verb, final String resource,
            final String scope, final boolean clusterWide, final boolean namespaceObject) {
        if (!rule.hasResourceNames()) {
            return true;
        }
        if (!PolicyRule.namesApply(verb, resource)) {
            return false;
        }
        return namedCounts || rule.resourceNames().stream().anyMatch(part.countedNames()::contains)
                || (!clusterWide && namespaceObject && rule.resourceNames().contains(scope));
    }
}
