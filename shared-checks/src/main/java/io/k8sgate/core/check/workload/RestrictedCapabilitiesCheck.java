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
 * PSS Restricted "Capabilities", add part: {@code securityContext.capabilities.add} may contain only
 * {@code NET_BIND_SERVICE}. One finding per other entry, at that entry. A capability outside the Baseline set is one
 * item for both profiles (the admission controller's Restricted check overrides the Baseline one): the finding of
 * {@link BaselineCapabilitiesCheck} on the same entry replaces this one and names it. Applies from
 * Kubernetes v1.22; from v1.25 Windows pods are exempt.
 */
public final class RestrictedCapabilitiesCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-027", "Capability added other than NET_BIND_SERVICE",
                    Severity.MEDIUM, Category.WORKLOAD)
            .withText("The Restricted profile lets a container add back only NET_BIND_SERVICE after dropping ALL; "
                    + "every other capability widens what the process can do to the kernel.",
                    "Remove the capability from capabilities.add; only NET_BIND_SERVICE may be added.")
            .withPss(PssLevel.RESTRICTED).withCis("5.2.9")
            .withReferences(PodSecurity.RESTRICTED_URL)
            .withEquivalent("trivy", "KSV022", "KSV106").withEquivalent("checkov", "CKV_K8S_25")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        if (!context.settings().targetKubernetesVersion().isAtLeast(DropAllCapabilitiesCheck.SINCE)) {
            return List.of();
        }
        return PodSecurity.containersNotExemptAsWindows(context)
                .flatMap(c -> PodSecurity.addedCapabilities(c).stream()
                        .filter(cap -> !"NET_BIND_SERVICE".equals(cap.text("")))
                        .map(cap -> finding(c, cap, PodSecurity.describe(c) + " adds capability "
                                + PodSecurity.value(cap))))
                .toList();
    }
}
