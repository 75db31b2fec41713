package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.PssLevel;
import io.k8sgate.core.model.Severity;
import java.util.List;

/**
 * PSS Baseline "Host Namespaces", network namespace part: {@code spec.hostNetwork} must be unset or false. The three
 * host namespaces are three checks (K8S-WL-002 network, K8S-WL-003 PID, K8S-WL-004 IPC) because every other tool
 * reports them separately, so each finding maps to one peer id and can be exempted on its own.
 */
public final class HostNetworkCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-002", "Host network namespace",
                    Severity.HIGH, Category.WORKLOAD)
            .withText(
                    "A pod on the host network sees every interface of the node, can bind its ports and reach services "
                    + "listening on localhost, and bypasses NetworkPolicies.",
                    "Remove spec.hostNetwork (or set it to false); "
                            + "expose the application through a Service instead.")
            .withPss(PssLevel.BASELINE).withCis("5.2.5")
            .withReferences(PodSecurity.BASELINE_URL)
            .withEquivalent("trivy", "KSV009").withEquivalent("checkov", "CKV_K8S_19")
            .withEquivalent("kube-linter", "host-network").withEquivalent("polaris", "hostNetworkSet")
            .withEquivalent("kubescape", "C-0041")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return PodSecurity.hostNamespace(this, context, "hostNetwork", "network namespace");
    }
}
