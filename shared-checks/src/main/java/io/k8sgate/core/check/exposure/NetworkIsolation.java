package io.k8sgate.core.check.exposure;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.LabelSelector;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which policies of the inputs isolate a workload's pods, per direction, for every policy kind the common network
 * plugins enforce. A pod is isolated for a direction when a policy selects it whose default for that direction is
 * to deny what no rule allows:
 * <ul>
 *   <li>Kubernetes {@code NetworkPolicy} ({@code networking.k8s.io}): {@code podSelector} in its namespace, for the
 *       {@code policyTypes} written (Ingress when none are, plus Egress when egress rules are);</li>
 *   <li>Cilium {@code CiliumNetworkPolicy} (its namespace) and {@code CiliumClusterwideNetworkPolicy} (every
 *       namespace), {@code cilium.io}: each rule of {@code spec} and {@code specs} with an {@code endpointSelector}
 *       isolates the endpoints it selects for a direction when it has rules for it ({@code ingress} or
 *       {@code ingressDeny}, {@code egress} or {@code egressDeny}) and {@code enableDefaultDeny} does not switch
 *       that off. Selector keys may carry Cilium's {@code k8s:} or {@code any:} source; the namespace is the label
 *       {@code io.kubernetes.pod.namespace}, namespace labels are {@code io.cilium.k8s.namespace.labels.*} and the
 *       service account {@code io.cilium.k8s.policy.serviceaccount};</li>
 *   <li>Calico {@code NetworkPolicy} (its namespace) and {@code GlobalNetworkPolicy} ({@code namespaceSelector}
 *       over namespace labels), {@code projectcalico.org}: the {@link CalicoSelector} expression {@code selector}
 *       over the pod's labels with {@code projectcalico.org/namespace}, {@code projectcalico.org/serviceaccount},
 *       {@code projectcalico.org/orchestrator} and the namespace's labels as {@code pcns.*}; for {@code types}, or
 *       when not written Ingress unless the policy has only egress rules, and Egress when it has egress rules.
 *       Policies for host endpoints only ({@code preDNAT}, {@code doNotTrack}) and those narrowed by a
 *       {@code serviceAccountSelector} (service account labels are not in manifests) do not count;</li>
 *   <li>Antrea {@code NetworkPolicy} (its namespace) and {@code ClusterNetworkPolicy}, {@code crd.antrea.io}: these
 *       do not isolate by selecting; traffic no rule matches is allowed. They isolate the pods their
 *       {@code appliedTo} (of the policy or of the rule) selects for a direction through a rule that drops or
 *       rejects traffic from (to) every peer on every port.</li>
 * </ul>
 * A selector that the API server or the plugin would refuse selects nothing, so a broken policy never hides a gap.
 *
 * <p>Isolation that allows everything is no isolation: allow rules add up, so a pod selected for a direction is still
 * open in it when one of the policies selecting it for that direction has an allow-all rule there (a Kubernetes rule
 * with no peers and no ports, {@code egress: - {}}, or one to every address, an {@code ipBlock} of {@code 0.0.0.0/0}
 * or {@code ::/0} without {@code except}, on every port; a Cilium rule for the entity {@code all} on every port; a
 * Calico {@code Allow} rule that matches everything) and none of them denies anything in that direction (Cilium's
 * deny rules, Calico's {@code Deny} and Antrea's drop rules take precedence over an allow, so the pod is then taken
 * as restricted). {@link #restricts} answers that question; {@link #isolates} only whether a policy selects the pod.
 */
final class NetworkIsolation {
    static final String INGRESS = "Ingress";
    static final String EGRESS = "Egress";
    private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
    private static final Set<String> ANY_ADDRESS = Set.of("0.0.0.0/0", "::/0");

    /**
     * One policy's effect: what it is called in messages, where it applies, what it isolates, in which of those
     * directions a rule of it allows everything, and in which one denies something.
     */
    private record Isolating(String name, String namespace, Set<String> directions, Set<String> opens,
            Set<String> denies, Predicate<Workload> selects) {
    }

    private final List<Isolating> policies = new ArrayList<>();
    private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();
    /**
     * The policies that can apply to a workload of each namespace: those of the namespace followed by the
     * cluster-wide ones, so a workload is held against its own namespace's policies only and the analysis stays
     * linear in workloads plus policies.
     */
    private final Map<String, List<Isolating>> byNamespace = new HashMap<>();
    private final List<Isolating> clusterWide = new ArrayList<>();

    private NetworkIsolation(final CheckContext context) {
        for (K8sObject ns : context.ofKind("Namespace")) {
            if (ns.apiGroup().isEmpty()) {
                namespaceLabels.put(ns.name(), ns.labels());
            }
        }
        for (K8sObject object : context.objects()) {
            switch (object.apiGroup() + "/" + object.kind()) {
                case "networking.k8s.io/NetworkPolicy", "extensions/NetworkPolicy" -> kubernetes(object);
                case "cilium.io/CiliumNetworkPolicy" -> cilium(object, namespace(object));
                case "cilium.io/CiliumClusterwideNetworkPolicy" -> cilium(object, "");
                case "projectcalico.org/NetworkPolicy" -> calico(object, namespace(object));
                case "projectcalico.org/GlobalNetworkPolicy" -> calico(object, "");
                case "crd.antrea.io/NetworkPolicy" -> antrea(object, namespace(object));
                case "crd.antrea.io/ClusterNetworkPolicy" -> antrea(object, "");
                default -> {
                    // not a policy an enforcing network plugin reads
                }
            }
        }
        for (Isolating p : policies) {
            if (p.namespace().isEmpty()) {
                clusterWide.add(p);
            } else {
                byNamespace.computeIfAbsent(p.namespace(), k -> new ArrayList<>()).add(p);
            }
        }
        byNamespace.values().forEach(list -> list.addAll(clusterWide));
    }

    /** The isolation analysis of the run, computed once and shared. */
    static NetworkIsolation of(final CheckContext context) {
        return context.analysis(NetworkIsolation.class, NetworkIsolation::new);
    }

    /** True when a policy of the inputs isolates (selects) the workload's pods for {@code direction}. */
    boolean isolates(final Workload workload, final String direction) {
        return !selecting(workload, direction).isEmpty();
    }

    /**
     * True when the workload's pods are isolated for {@code direction} and the policies that select them do not,
     * between them, allow everything there.
     */
    boolean restricts(final Workload workload, final String direction) {
        List<Isolating> selecting = selecting(workload, direction);
        return !selecting.isEmpty() && opener(selecting, direction).isEmpty();
    }

    private List<Isolating> selecting(final Workload workload, final String direction) {
        return applicable(workload).stream().filter(p -> p.directions().contains(direction)
                && p.selects().test(workload)).toList();
    }

    /** The policy whose allow-all rule opens the direction again, unless one of them denies something there. */
    private static Optional<Isolating> opener(final List<Isolating> selecting, final String direction) {
        if (selecting.stream().anyMatch(p -> p.denies().contains(direction))) {
            return Optional.empty();
        }
        return selecting.stream().filter(p -> p.opens().contains(direction)).findFirst();
    }

    /** How many isolating policies of the inputs are in the workload's namespace or cluster-wide. */
    private long policiesFor(final Workload workload) {
        return applicable(workload).stream().map(Isolating::name).distinct().count();
    }

    /** The policies in the workload's namespace and the cluster-wide ones. */
    private List<Isolating> applicable(final Workload workload) {
        return byNamespace.getOrDefault(workload.namespace(), clusterWide);
    }

    /**
     * The findings of {@code check} for the workloads network policies apply to (pods that run containers, not on
     * the host network): {@code open} says, from whether a workload is isolated for ingress and for egress, which
     * directions to report, if any. A pod is isolated for a direction, as Kubernetes defines it, when a policy
     * selects it for that direction; an explicit allow-all rule there is a deliberate opening (a public front end's
     * {@code ingress: - {}}), unless {@code allowAllEgressIsOpen} asks egress to be restricted as well
     * ({@link #restricts}): then a selecting policy that allows every destination leaves egress open.
     */
    List<Finding> gaps(final Check check, final CheckContext context, final boolean allowAllEgressIsOpen,
            final BiFunction<Boolean, Boolean, Optional<String>> open) {
        List<Finding> out = new ArrayList<>();
        for (Workload w : context.workloads()) {
            if (!w.runsContainers() || w.podField("hostNetwork").isTrue()) {
                continue;
            }
            boolean egress = allowAllEgressIsOpen ? restricts(w, EGRESS) : isolates(w, EGRESS);
            open.apply(isolates(w, INGRESS), egress).ifPresent(directions -> out.add(check.finding(
                    w.object(), w.podMetadata().get("labels"), message(w, directions, allowAllEgressIsOpen))));
        }
        return out;
    }

    /**
     * Why the pods are not isolated for {@code directions}: the policy whose allow-all egress rule opens egress again
     * (only when {@code allowAllEgressIsOpen} and egress alone is reported, as K8S-NET-007 does), or that no policy
     * selects them.
     */
    private String message(final Workload workload, final String directions, final boolean allowAllEgressIsOpen) {
        String subject = "The pods of " + workload.kind() + " '" + workload.object().name() + "' are not isolated for ";
        Optional<Isolating> opener = allowAllEgressIsOpen && EGRESS.toLowerCase(Locale.ROOT).equals(directions)
                ? opener(selecting(workload, EGRESS), EGRESS) : Optional.empty();
        if (opener.isPresent()) {
            return subject + "egress: " + opener.get().name() + " selects them and allows every destination on every "
                    + "port, and network policies add up, so whatever the others deny it allows again";
        }
        long inNamespace = policiesFor(workload);
        return subject + directions + ": "
                + (inNamespace == 0 ? "no network policy of the inputs applies to " + workload.object().namespaceShown()
                : "none of the " + inNamespace + " network policies of " + workload.object().namespaceShown()
                        + " and of the cluster selects them for " + directions);
    }

    private void kubernetes(final K8sObject policy) {
        YamlNode spec = policy.root().get("spec");
        Set<String> types;
        YamlNode written = spec.get("policyTypes");
        if (written.isPresent()) {
            types = written.elements().stream().map(t -> t.text("")).collect(Collectors.toSet());
        } else {
            types = spec.get("egress").isPresent() ? Set.of(INGRESS, EGRESS) : Set.of(INGRESS);
        }
        Set<String> opens = new HashSet<>();
        for (String direction : types) {
            String rules = direction.toLowerCase(Locale.ROOT);
            String peers = INGRESS.equals(direction) ? "from" : "to";
            if (spec.get(rules).elements().stream().anyMatch(r -> r.get("ports").size() == 0
                    && everyAddress(r.get(peers).elements()))) {
                opens.add(direction);
            }
        }
        YamlNode selector = spec.get("podSelector");
        add(policy, namespace(policy), types, opens, Set.of(), w -> LabelSelector.problem(selector).isEmpty()
                && LabelSelector.matches(selector, w.podLabels()));
    }

    /**
     * True when a rule's peers (of Kubernetes or Antrea) reach every address: none written, or an {@code ipBlock} of
     * every address ({@code 0.0.0.0/0} or {@code ::/0}) without {@code except} among them.
     */
    private static boolean everyAddress(final List<YamlNode> peers) {
        return peers.isEmpty() || peers.stream().anyMatch(p -> ANY_ADDRESS.contains(p.path("ipBlock", "cidr")
                .text("").trim()) && p.path("ipBlock", "except").size() == 0);
    }

    private void cilium(final K8sObject policy, final String namespace) {
        List<YamlNode> rules = new ArrayList<>();
        YamlNode spec = policy.root().get("spec");
        if (spec.isMap()) {
            rules.add(spec);
        }
        rules.addAll(policy.root().get("specs").elements());
        for (YamlNode rule : rules) {
            YamlNode selector = rule.get("endpointSelector");
            if (!selector.isMap() || LabelSelector.problem(selector).isPresent()) {
                continue;
            }
            Set<String> types = new HashSet<>();
            Set<String> opens = new HashSet<>();
            Set<String> denies = new HashSet<>();
            for (String direction : List.of(INGRESS, EGRESS)) {
                String key = direction.toLowerCase(Locale.ROOT);
                if (ciliumDenies(rule, key)) {
                    types.add(direction);
                }
                if (rule.get(key + "Deny").size() > 0) {
                    denies.add(direction);
                }
                String entities = INGRESS.equals(direction) ? "fromEntities" : "toEntities";
                if (rule.get(key).elements().stream().anyMatch(r -> r.get("toPorts").size() == 0
                        && r.get(entities).elements().stream().anyMatch(e -> "all".equals(e.text(""))))) {
                    opens.add(direction);
                }
            }
            add(policy, namespace, types, opens, denies, w -> LabelSelector.matches(selector, ciliumLabels(w)));
        }
    }

    private static boolean ciliumDenies(final YamlNode rule, final String direction) {
        boolean hasRules = rule.get(direction).size() > 0 || rule.get(direction + "Deny").size() > 0;
        return hasRules && !rule.path("enableDefaultDeny", direction).bool().equals(Optional.of(false));
    }

    /**
     * The labels Cilium gives the workload's endpoints, under each spelling a selector may use: plain, and with the
     * {@code k8s:} and {@code any:} sources.
     */
    private Map<String, String> ciliumLabels(final Workload workload) {
        Map<String, String> plain = new HashMap<>(workload.podLabels());
        plain.put("io.kubernetes.pod.namespace", workload.namespace());
        plain.put("io.cilium.k8s.policy.serviceaccount", workload.serviceAccountName());
        namespaceLabels(workload.namespace()).forEach((k, v) -> plain.put("io.cilium.k8s.namespace.labels." + k, v));
        Map<String, String> labels = new HashMap<>();
        plain.forEach((k, v) -> {
            labels.put(k, v);
            labels.put("k8s:" + k, v);
            labels.put("any:" + k, v);
        });
        return labels;
    }

    private void calico(final K8sObject policy, final String namespace) {
        YamlNode spec = policy.root().get("spec");
        String accounts = spec.get("serviceAccountSelector").text("").trim();
        if (spec.get("preDNAT").isTrue() || spec.get("doNotTrack").isTrue()
                || !(accounts.isEmpty() || "all()".equals(accounts))) {
            return;
        }
        var selector = CalicoSelector.parse(spec.get("selector").text(""));
        var namespaces = CalicoSelector.parse(spec.get("namespaceSelector").text(""));
        if (selector.isEmpty() || namespaces.isEmpty()) {
            return;
        }
        Set<String> types;
        YamlNode written = spec.get("types");
        boolean egressRules = spec.get("egress").size() > 0;
        if (written.isPresent()) {
            types = written.elements().stream().map(t -> t.text("")).collect(Collectors.toSet());
        } else if (egressRules) {
            types = spec.get("ingress").size() > 0 ? Set.of(INGRESS, EGRESS) : Set.of(EGRESS);
        } else {
            types = Set.of(INGRESS);
        }
        Set<String> opens = new HashSet<>();
        Set<String> denies = new HashSet<>();
        for (String direction : types) {
            List<YamlNode> rules = spec.get(direction.toLowerCase(Locale.ROOT)).elements();
            if (rules.stream().anyMatch(r -> "Deny".equals(r.get("action").text("")))) {
                denies.add(direction);
            }
            String peer = INGRESS.equals(direction) ? "source" : "destination";
            if (rules.stream().anyMatch(r -> calicoAllowsAll(r, peer))) {
                opens.add(direction);
            }
        }
        var pods = selector.get();
        var inNamespaces = namespaces.get();
        add(policy, namespace, types, opens, denies, w -> {
            Map<String, String> nsLabels = namespaceLabels(w.namespace());
            Map<String, String> labels = new HashMap<>(w.podLabels());
            labels.put("projectcalico.org/namespace", w.namespace());
            labels.put("projectcalico.org/orchestrator", "k8s");
            labels.put("projectcalico.org/serviceaccount", w.serviceAccountName());
            nsLabels.forEach((k, v) -> labels.put("pcns." + k, v));
            Map<String, String> ns = new HashMap<>(nsLabels);
            ns.put("projectcalico.org/name", w.namespace());
            return pods.test(labels) && inNamespaces.test(ns);
        });
    }

    /**
     * A Calico {@code Allow} rule that matches every packet: no protocol, ICMP or HTTP match, nothing about the pod's
     * own side, and on the peer's side nothing or only {@code nets} of every address.
     */
    private static boolean calicoAllowsAll(final YamlNode rule, final String peer) {
        if (!"Allow".equals(rule.get("action").text(""))) {
            return false;
        }
        for (String match : List.of("protocol", "notProtocol", "icmp", "notICMP", "http", "ipVersion")) {
            if (rule.get(match).isPresent()) {
                return false;
            }
        }
        String own = "source".equals(peer) ? "destination" : "source";
        if (rule.get(own).size() > 0) {
            return false;
        }
        YamlNode other = rule.get(peer);
        return other.size() == 0 || (other.size() == 1 && other.get("nets").elements().stream()
                .anyMatch(n -> ANY_ADDRESS.contains(n.text("").trim())));
    }

    private void antrea(final K8sObject policy, final String namespace) {
        YamlNode spec = policy.root().get("spec");
        for (String direction : List.of(INGRESS, EGRESS)) {
            String rules = direction.toLowerCase(Locale.ROOT);
            String peers = INGRESS.equals(direction) ? "from" : "to";
            for (YamlNode rule : spec.get(rules).elements()) {
                if (!antreaDeniesAll(rule, peers)) {
                    continue;
                }
                YamlNode appliedTo = rule.get("appliedTo").size() > 0 ? rule.get("appliedTo")
                        : spec.get("appliedTo");
                add(policy, namespace, Set.of(direction), Set.of(), Set.of(direction),
                        w -> antreaApplies(appliedTo, namespace, w));
            }
        }
    }

    /** A Drop or Reject rule without a port, service or L7 restriction, against every peer. */
    private static boolean antreaDeniesAll(final YamlNode rule, final String peers) {
        String action = rule.get("action").text("");
        if (!"Drop".equals(action) && !"Reject".equals(action)) {
            return false;
        }
        if (rule.get("ports").size() > 0 || rule.get("toServices").size() > 0
                || rule.get("l7Protocols").size() > 0) {
            return false;
        }
        return everyAddress(rule.get(peers).elements());
    }

    private boolean antreaApplies(final YamlNode appliedTo, final String namespace, final Workload workload) {
        for (YamlNode peer : appliedTo.elements()) {
            if (antreaPeerSelects(peer, namespace, workload)) {
                return true;
            }
        }
        return false;
    }

    private boolean antreaPeerSelects(final YamlNode peer, final String namespace, final Workload workload) {
        if (peer.get("group").isPresent() || peer.get("externalEntitySelector").isPresent()
                || peer.get("nodeSelector").isPresent()) {
            // groups are separate objects, external entities and nodes are not pods
            return false;
        }
        YamlNode account = peer.get("serviceAccount");
        if (account.isPresent()) {
            return account.get("name").text("").equals(workload.serviceAccountName())
                    && account.get("namespace").text(namespace).equals(workload.namespace());
        }
        YamlNode pods = peer.get("podSelector");
        YamlNode namespaces = peer.get("namespaceSelector");
        if (pods.isUnset() && namespaces.isUnset()) {
            return false;
        }
        if (LabelSelector.problem(pods).isPresent() || LabelSelector.problem(namespaces).isPresent()) {
            return false;
        }
        boolean podsMatch = pods.isUnset() || LabelSelector.matches(pods, workload.podLabels());
        boolean namespaceMatch = namespaces.isUnset()
                || LabelSelector.matches(namespaces, namespaceLabels(workload.namespace()));
        return podsMatch && namespaceMatch;
    }

    private Map<String, String> namespaceLabels(final String namespace) {
        Map<String, String> labels = new HashMap<>(namespaceLabels.getOrDefault(namespace, Map.of()));
        labels.put(NAMESPACE_NAME_LABEL, namespace);
        return labels;
    }

    private void add(final K8sObject policy, final String namespace, final Set<String> types,
            final Set<String> opens, final Set<String> denies, final Predicate<Workload> selects) {
        if (!types.isEmpty()) {
            policies.add(new Isolating(policy.kind() + " '" + policy.name() + "'", namespace, Set.copyOf(types),
                    Set.copyOf(opens), Set.copyOf(denies), selects));
        }
    }

    private static String namespace(final K8sObject object) {
        return object.namespace().isEmpty() ? "default" : object.namespace();
    }
}
