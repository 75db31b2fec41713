package io.k8sgate.core.check.admission;

import java.util.List;

/**
 * One rule of <code>resourceRules</code> or <code>excludeResourceRules</code>: which operations on which resources.
 *
 * @param apiGroups     groups, {@code *} for all
 * @param apiVersions   versions, {@code *} for all
 * @param resources     resources, with {@code resource/subresource}, {@code *} and {@code *}{@code /*} forms
 * @param operations    CREATE, UPDATE, DELETE, CONNECT or {@code *}
 * @param scope         {@code Cluster}, {@code Namespaced} or {@code *}
 * @param resourceNames names the rule is limited to, empty for any
 */
record ResourceRule(List<String> apiGroups, List<String> apiVersions, List<String> resources,
        List<String> operations, String scope, List<String> resourceNames) {
    ResourceRule {
        apiGroups = List.copyOf(apiGroups);
        apiVersions = List.copyOf(apiVersions);
        resources = List.copyOf(resources);
        operations = List.copyOf(operations);
        resourceNames = List.copyOf(resourceNames);
    }

    /**
     * True when the rule matches creating {@code target} as the given group, version and resource (the object's own,
     * or an equivalent one), as the API server's rule matcher decides it.
     */
    boolean matches(final Target target, final String group, final String version, final String resource) {
        return scope(target) && anyOf(operations, "CREATE") && anyOf(apiGroups, group)
                && anyOf(apiVersions, version) && resource(resource)
                && (resourceNames.isEmpty() || resourceNames.contains(target.object().name()));
    }

    private boolean scope(final Target target) {
        switch (scope) {
            case "Namespaced":
                return !target.isNamespace() && !target.namespace().isEmpty();
            case "Cluster":
                return target.isNamespace() || target.namespace().isEmpty();
            default:
                return true;
        }
    }

    private boolean resource(final String resource) {
        for (String r : resources) {
            int slash = r.indexOf('/');
            String res = slash < 0 ? r : r.substring(0, slash);
            String sub = slash < 0 ? "" : r.substring(slash + 1);
            // the gate's requests are about the main resource, never a subresource
            if (("*".equals(res) || res.equals(resource)) && ("*".equals(sub) || sub.isEmpty())) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyOf(final List<String> items, final String requested) {
        return items.contains("*") || items.contains(requested);
    }
}
