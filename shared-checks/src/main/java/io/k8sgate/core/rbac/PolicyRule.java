package io.k8sgate.core.rbac;

import io.k8sgate.core.input.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of a role's {@code rules}, matched the way the API server's RBAC authorizer does.
 *
 * @param apiGroups       API groups ({@code *} for all, {@code ""} for the core group)
 * @param resources       resources, possibly {@code resource/subresource}, {@code *} or {@code *}{@code /sub}
 * @param verbs           verbs ({@code *} for all)
 * @param resourceNames   literal object names; empty means every object
 * @param nonResourceUrls non-resource URL paths; a trailing {@code *} is a prefix match
 * @param node            where the rule is written (for findings)
 */
public record PolicyRule(List<String> apiGroups, List<String> resources, List<String> verbs,
        List<String> resourceNames, List<String> nonResourceUrls, YamlNode node) {
    /** The verbs whose request carries no object name, so a rule limited by resourceNames never allows them. */
    static final Set<String> COLLECTION_VERBS = Set.of("create", "list", "watch", "deletecollection");
    /** Wildcard in every list. */
    public static final String ALL = "*";

    public PolicyRule {
        apiGroups = List.copyOf(apiGroups);
        resources = List.copyOf(resources);
        verbs = List.copyOf(verbs);
        resourceNames = List.copyOf(resourceNames);
        nonResourceUrls = List.copyOf(nonResourceUrls);
        Objects.requireNonNull(node, "node");
    }

    /** Reads a rule; entries that are not scalars are ignored (the API server would reject them). */
    static PolicyRule read(final YamlNode node) {
        return new PolicyRule(strings(node.get("apiGroups")), strings(node.get("resources")),
                strings(node.get("verbs")), strings(node.get("resourceNames")),
                strings(node.get("nonResourceURLs")), node);
    }

    private static List<String> strings(final YamlNode list) {
        List<String> out = new ArrayList<>();
        for (YamlNode e : list.elements()) {
            e.text().ifPresent(out::add);
        }
        return out;
    }

    /** True when the rule names objects and so does not apply to a whole collection. */
    public boolean hasResourceNames() {
        return !resourceNames.isEmpty();
    }

    /** True when {@code verb} is one of the rule's verbs or the rule has every verb. */
    public boolean matchesVerb(final String verb) {
        return verbs.contains(ALL) || verbs.contains(verb);
    }

    /** True when the rule covers the API group. */
    public boolean matchesGroup(final String group) {
        return apiGroups.contains(ALL) || apiGroups.contains(group);
    }

    /**
     * True when the rule covers {@code resource} (written {@code name} or {@code name/subresource}): exact match,
     * {@code *} (every resource and subresource) or {@code *}{@code /sub} for that subresource. {@code pods/*} is
     * not a wildcard: it names a subresource called {@code *}.
     */
    public boolean matchesResource(final String resource) {
        if (resources.contains(ALL) || resources.contains(resource)) {
            return true;
        }
        int slash = resource.indexOf('/');
        return slash >= 0 && resources.contains(ALL + resource.substring(slash));
    }

    /**
     * True when the rule allows the request: {@code name} empty means a request about no single object (a
     * collection, or any object), which a rule with resourceNames never allows.
     */
    public boolean allows(final String verb, final String group, final String resource, final String name) {
        if (!matchesVerb(verb) || !matchesGroup(group) || !matchesResource(resource)) {
            return false;
        }
        if (resourceNames.isEmpty()) {
            return true;
        }
        return !name.isEmpty() && namesApply(verb, resource) && resourceNames.contains(name);
    }

    /**
     * True when a request with this verb carries an object name that resourceNames can restrict: every request on a
     * subresource (it names the parent object), and on a resource every verb but create, list, watch and
     * deletecollection.
     */
    static boolean namesApply(final String verb, final String resource) {
        return resource.indexOf('/') >= 0 || !COLLECTION_VERBS.contains(verb);
    }

    /** True when the rule allows {@code verb} on the non-resource URL {@code path}. */
    public boolean allowsUrl(final String verb, final String path) {
        if (!matchesVerb(verb)) {
            return false;
        }
        for (String url : nonResourceUrls) {
            if (url.equals(ALL) || url.equals(path)
                    || (url.endsWith(ALL) && path.startsWith(url.substring(0, url.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** True for {@code apiGroups: [*], resources: [*], verbs: [*]}: every operation on every resource. */
    public boolean isFullWildcard() {
        return apiGroups.contains(ALL) && resources.contains(ALL) && verbs.contains(ALL);
    }

    /** {@code verbs on group/resources}, for messages. */
    public String describe() {
        if (!nonResourceUrls.isEmpty()) {
            return verbs + " on non-resource URLs " + nonResourceUrls;
        }
        return verbs + " on " + resources + " in API groups " + apiGroups
                + (resourceNames.isEmpty() ? "" : " named " + resourceNames);
    }
}
