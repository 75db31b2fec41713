package io.k8sgate.core.check.admission;

import io.k8sgate.core.cel.RunObjects;
import io.k8sgate.core.input.ApiResources;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.LabelSelector;
import io.k8sgate.core.input.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code matchConstraints} of a policy or the {@code matchResources} of a binding, applied as the API server
 * applies them: namespaceSelector (always true for cluster-scoped objects; a Namespace is judged by its own labels),
 * objectSelector, excludeResourceRules, then resourceRules (none: everything), with {@code matchPolicy: Equivalent}
 * (the default) also matching the same resource in the other versions the API server serves.
 *
 * @param namespaceSelector    the namespace selector (missing: every namespace)
 * @param objectSelector       the object selector (missing: every object)
 * @param resourceRules        the rules that include
 * @param excludeResourceRules the rules that exclude
 * @param equivalent           {@code matchPolicy: Equivalent}
 */
record MatchResources(YamlNode namespaceSelector, YamlNode objectSelector, List<ResourceRule> resourceRules,
        List<ResourceRule> excludeResourceRules, boolean equivalent) {
    /** The label the API server puts on every Namespace: its own name. */
    static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    MatchResources {
        resourceRules = List.copyOf(resourceRules);
        excludeResourceRules = List.copyOf(excludeResourceRules);
    }

    /**
     * How creating the target is matched: empty when it is not; otherwise the group, version and resource that
     * matched (those of an equivalent resource when only that one matched), with the version of the kind.
     *
     * @param unknownNamespace told the name of a namespace whose labels the inputs do not give, when a selector
     *                         needs them
     */
    Optional<Matched> match(final Target target, final RunObjects run,
            final java.util.function.Consumer<String> unknownNamespace) {
        if (!namespaceMatches(target, run, unknownNamespace)) {
            return Optional.empty();
        }
        if (!LabelSelector.isEmpty(objectSelector) && !LabelSelector.matches(objectSelector, target.labels())) {
            return Optional.empty();
        }
        if (rulesMatch(excludeResourceRules, target, run).isPresent()) {
            return Optional.empty();
        }
        if (resourceRules.isEmpty()) {
            ApiResources.Resource r = target.resource();
            return Optional.of(new Matched(r.group(), target.version(), r.resource()));
        }
        return rulesMatch(resourceRules, target, run);
    }

    private Optional<Matched> rulesMatch(final List<ResourceRule> rules, final Target target, final RunObjects run) {
        ApiResources.Resource r = target.resource();
        for (ResourceRule rule : rules) {
            if (rule.matches(target, r.group(), target.version(), r.resource())) {
                return Optional.of(new Matched(r.group(), target.version(), r.resource()));
            }
        }
        if (!equivalent) {
            return Optional.empty();
        }
        for (ResourceRule rule : rules) {
            for (Matched e : equivalents(target, run)) {
                if (rule.matches(target, e.group(), e.version(), e.resource())) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    /** The same resource in the other versions the API server serves (and core events as events.k8s.io events). */
    private static List<Matched> equivalents(final Target target, final RunObjects run) {
        ApiResources.Resource r = target.resource();
        List<Matched> out = new ArrayList<>();
        for (String v : r.versions()) {
            if (!v.equals(target.version())) {
                out.add(new Matched(r.group(), v, r.resource()));
            }
        }
        if ("events".equals(r.resource()) && (r.group().isEmpty() || "events.k8s.io".equals(r.group()))) {
            String other = r.group().isEmpty() ? "events.k8s.io" : "";
            run.resources().find(other, "Event").ifPresent(e -> e.versions()
                    .forEach(v -> out.add(new Matched(other, v, "events"))));
        }
        return out;
    }

    private boolean namespaceMatches(final Target target, final RunObjects run,
            final java.util.function.Consumer<String> unknownNamespace) {
        if (target.namespace().isEmpty() && !target.isNamespace()) {
            return true;
        }
        if (LabelSelector.isEmpty(namespaceSelector)) {
            return true;
        }
        Map<String, String> labels = new HashMap<>();
        if (target.isNamespace()) {
            labels.putAll(target.labels());
        } else {
            Optional<K8sObject> ns = run.namespace(target.namespace());
            if (ns.isPresent()) {
                labels.putAll(ns.get().labels());
            } else {
                unknownNamespace.accept(target.namespace());
            }
        }
        labels.put(NAMESPACE_NAME_LABEL, target.namespace());
        return LabelSelector.matches(namespaceSelector, labels);
    }

    /** The group, version and resource a request matched as. */
    record Matched(String group, String version, String resource) {
    }
}
