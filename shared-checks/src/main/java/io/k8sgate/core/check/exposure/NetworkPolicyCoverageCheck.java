package io.k8sgate.core.check.exposure;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.LabelSelector;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Workloads whose pods no NetworkPolicy of the inputs isolates. A policy selects the pods of its own namespace that
 * its {@code podSelector} matches (an empty selector matches all of them); it isolates them for ingress when its
 * {@code policyTypes} include Ingress or are not written (Kubernetes then always includes Ingress). With the option
 * {@code requireEgress: true} the pods must also be isolated for egress. Pods on the host network are left out:
 * NetworkPolicies do not apply to them.
 */
public final class NetworkPolicyCoverageCheck implements Check {
    /** The policy option that also asks for egress isolation. */
    public static final String REQUIRE_EGRESS = "requireEgress";

    static final CheckMetadata METADATA = CheckMetadata.of("K8S-NET-005", "Pods not isolated by a NetworkPolicy",
                    Severity.MEDIUM, Category.EXPOSURE)
            .withText("Pods that no NetworkPolicy selects accept connections from every pod of the cluster: one "
                    + "compromised workload can reach all others, databases and internal admin endpoints included. "
                    + "Isolation for ingress is required; the option requireEgress: true requires it for egress "
                    + "too.",
                    "Add a NetworkPolicy to the namespace: a default-deny policy (podSelector: {}, policyTypes: "
                            + "[Ingress, Egress]) plus policies that allow the traffic each workload needs.")
            .withCis("5.3.2")
            .withReferences("https://kubernetes.io/docs/concepts/services-networking/network-policies/")
            .withEquivalent("trivy", "KSV038").withEquivalent("checkov", "CKV2_K8S_6")
            .withEquivalent("kube-linter", "non-isolated-pod").withEquivalent("polaris", "missingNetworkPolicy")
            .withEquivalent("kube-score", "pod-networkpolicy").withEquivalent("kubescape", "C-0260");

    private static final Set<String> POLICY_GROUPS = Set.of("networking.k8s.io", "extensions");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        boolean egress = Boolean.parseBoolean(context.settings().option(METADATA.id(), REQUIRE_EGRESS, "false"));
        Map<String, List<K8sObject>> byNamespace = context.ofKind("NetworkPolicy").stream()
                .filter(p -> POLICY_GROUPS.contains(p.apiGroup()))
                .collect(Collectors.groupingBy(NetworkPolicyCoverageCheck::namespace));
        List<String> directions = egress ? List.of("Ingress", "Egress") : List.of("Ingress");
        return context.workloads().stream()
                .filter(w -> w.runsContainers() && !w.podField("hostNetwork").isTrue())
                .flatMap(w -> {
                    List<K8sObject> policies = byNamespace.getOrDefault(w.namespace(), List.of());
                    List<String> open = directions.stream().filter(d -> !isolated(w, policies, d)).toList();
                    return open.isEmpty() ? Stream.empty() : Stream.of(finding(w.object(),
                            w.podMetadata().get("labels"), message(w, policies.size(), open)));
                })
                .toList();
    }

    private static boolean isolated(final Workload workload, final List<K8sObject> policies, final String type) {
        return policies.stream()
                .filter(p -> types(p).contains(type))
                .anyMatch(p -> LabelSelector.matches(p.root().path("spec", "podSelector"), workload.podLabels()));
    }

    private static Set<String> types(final K8sObject policy) {
        YamlNode written = policy.root().path("spec", "policyTypes");
        if (written.isPresent()) {
            return written.elements().stream().map(t -> t.text("")).collect(Collectors.toSet());
        }
        return policy.root().path("spec", "egress").isPresent() ? Set.of("Ingress", "Egress") : Set.of("Ingress");
    }

    private static String namespace(final K8sObject object) {
        return object.namespace().isEmpty() ? "default" : object.namespace();
    }

    private static String message(final Workload workload, final int inNamespace, final List<String> open) {
        String directions = String.join(" and ", open).toLowerCase(Locale.ROOT);
        return "The pods of " + workload.kind() + " '" + workload.object().name() + "' are not isolated for "
                + directions + ": "
                + (inNamespace == 0 ? "namespace '" + workload.namespace() + "' has no NetworkPolicy in the inputs"
                : "none of the " + inNamespace + " NetworkPolicies of namespace '" + workload.namespace()
                + "' selects them for " + directions);
    }
}
