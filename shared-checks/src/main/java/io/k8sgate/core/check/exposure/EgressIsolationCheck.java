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
 * Workloads whose pods a network policy isolates for ingress but none restricts for egress ({@link NetworkIsolation}:
 * the policies of Kubernetes, Cilium, Calico and Antrea): none selects them for egress, or one that does has an
 * allow-all egress rule, which opens again whatever the others deny. Pods isolated in neither direction are reported
 * once, by {@link NetworkPolicyCoverageCheck}. MEDIUM by default, so the default policy warns without failing: egress
 * rules must list every dependency (DNS, APIs, cloud services), and most applications ship without them, but open
 * egress is how a compromised pod sends data out and reaches the cloud metadata endpoint. A policy that requires egress
 * isolation raises the severity to its failure threshold ({@code K8S-NET-007: {severity: HIGH}}).
 */
public final class EgressIsolationCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-NET-007", "Pods not isolated for egress",
                    Severity.MEDIUM, Category.EXPOSURE)
            .withText("Pods isolated for ingress but not for egress (no policy selects them for egress, or one "
                    + "that does allows every destination on every port, such as egress: - {}, which undoes any "
                    + "default deny because allow rules add up) can open connections to anything: another "
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
            .withEquivalent("kube-score", "pod-networkpolicy");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return NetworkIsolation.of(context).gaps(this, context, (ingress, egress) -> ingress && !egress
                ? Optional.of("egress") : Optional.empty());
    }
}
