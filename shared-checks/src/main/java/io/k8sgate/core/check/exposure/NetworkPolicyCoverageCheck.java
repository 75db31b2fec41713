package io.k8sgate.core.check.exposure;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.Optional;

/**
 * Workloads whose pods no network policy of the inputs isolates for ingress: a Kubernetes NetworkPolicy, or the
 * policies of Cilium, Calico and Antrea, each with its own selector semantics ({@link NetworkIsolation}). Pods on the
 * host network are left out: network policies do not apply to them. Pods isolated in neither direction get this one
 * finding, which says so; pods isolated for ingress but not egress are {@link EgressIsolationCheck}'s.
 */
public final class NetworkPolicyCoverageCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-NET-005", "Pods not isolated by a NetworkPolicy",
                    Severity.MEDIUM, Category.EXPOSURE)
            .withText("Pods that no network policy selects accept connections from every pod of the cluster: one "
                    + "compromised workload can reach all others, databases and internal admin endpoints included. "
                    + "Kubernetes NetworkPolicies count, and so do the policies of Cilium (CiliumNetworkPolicy, "
                    + "CiliumClusterwideNetworkPolicy), Calico (projectcalico.org/v3 NetworkPolicy, "
                    + "GlobalNetworkPolicy) and Antrea (NetworkPolicy, ClusterNetworkPolicy with a deny-all rule).",
                    "Add a NetworkPolicy to the namespace: a default-deny policy (podSelector: {}, policyTypes: "
                            + "[Ingress, Egress]) plus policies that allow the traffic each workload needs; or the "
                            + "equivalent policy of your network plugin.")
            .withCis("5.3.2")
            .withReferences("https://kubernetes.io/docs/concepts/services-networking/network-policies/",
                    "https://docs.cilium.io/en/stable/security/policy/language/",
                    "https://docs.tigera.io/calico/latest/reference/resources/networkpolicy",
                    "https://antrea.io/docs/main/docs/antrea-network-policy/")
            .withEquivalent("trivy", "KSV038").withEquivalent("checkov", "CKV2_K8S_6")
            .withEquivalent("kube-linter", "non-isolated-pod").withEquivalent("polaris", "missingNetworkPolicy")
            .withEquivalent("kube-score", "pod-networkpolicy").withEquivalent("kubescape", "C-0260")
            .withRetiredOption("requireEgress", "egress isolation is its own check, K8S-NET-007 (on by default, "
                    + "MEDIUM): remove the option, and set checks.K8S-NET-007.severity to fail on it, or "
                    + "K8S-NET-007: false to stop requiring it");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return NetworkIsolation.of(context).gaps(this, context, false, (ingress, egress) -> ingress ? Optional.empty()
                : Optional.of(egress ? "ingress" : "ingress or egress"));
    }
}
