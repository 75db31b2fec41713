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
 * Workloads whose pods a network policy isolates for ingress but none for egress ({@link NetworkIsolation}: the
 * policies of Kubernetes, Cilium, Calico and Antrea): no policy selects them for egress, which is how Kubernetes
 * defines egress isolation and how the peers count it. With the option {@value #ALLOW_ALL_IS_OPEN} a pod is also
 * reported when a policy that selects it for egress allows every destination on every port ({@code egress: - {}}),
 * which opens again whatever the others deny; by default such a rule is a deliberate opening, as an explicit
 * allow-all ingress rule is. Pods isolated in neither direction are reported once, by
 * {@link NetworkPolicyCoverageCheck}. MEDIUM by default, so the default policy warns without failing: egress
 * rules must list every dependency (DNS, APIs, cloud services), and most applications ship without them, but open
 * egress is how a compromised pod sends data out and reaches the cloud metadata endpoint. A policy that requires egress
 * isolation raises the severity to its failure threshold ({@code K8S-NET-007: {severity: HIGH}}).
 */
public final class EgressIsolationCheck implements Check {
    /** The policy option that also reports pods whose egress a selecting policy's allow-all rule opens again. */
    public static final String ALLOW_ALL_IS_OPEN = "allowAllIsOpen";

    static final CheckMetadata METADATA = CheckMetadata.of("K8S-NET-007", "Pods not isolated for egress",
                    Severity.MEDIUM, Category.EXPOSURE)
            .withText("Pods isolated for ingress but not for egress (no policy selects them for egress; with the "
                    + "option allowAllIsOpen: true also when one that does allows every destination on every port, "
                    + "such as egress: - {}, which undoes any default deny because allow rules add up) can open "
                    + "connections to anything: another "
                    + "namespace's database, the cloud provider's metadata endpoint and its credentials, or an "
                    + "attacker's server to send data to. Reported as a warning by default; a policy that "
                    + "requires egress isolation sets severity HIGH (or its failOn level).",
                    "Add Egress to the policyTypes of a default-deny policy (podSelector: {}) and allow what each "
                            + "workload needs: DNS to kube-dns, its own dependencies, named external hosts; or the "
                            + "equivalent egress policy of your network plugin.")
            .withReferences("https://kubernetes.io/docs/concepts/services-networking/network-policies/"
                    + "#default-deny-all-egress-traffic",
                    "https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_"
                            + "20220829.PDF")
            .withEquivalent("kube-score", "pod-networkpolicy")
            .withOption(ALLOW_ALL_IS_OPEN, "true also reports pods that a policy selects for egress but allows to "
                    + "reach every destination on every port (default: false: such a rule is a deliberate opening, and "
                    + "Kubernetes counts the pod as isolated for egress)");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        boolean allowAllIsOpen = Boolean.parseBoolean(context.settings().option(METADATA.id(), ALLOW_ALL_IS_OPEN,
                "false"));
        return NetworkIsolation.of(context).gaps(this, context, allowAllIsOpen, (ingress, egress) -> ingress && !egress
                ? Optional.of("egress") : Optional.empty());
    }
}
