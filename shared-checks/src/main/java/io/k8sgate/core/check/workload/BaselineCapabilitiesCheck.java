package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.CheckOverride.Item;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.PssLevel;
import io.k8sgate.core.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PSS Baseline "Capabilities": {@code securityContext.capabilities.add} may only name capabilities of the default
 * container runtime set. Names are compared exactly as the admission controller does: case-sensitive and without a
 * {@code CAP_} prefix, so {@code CAP_CHOWN} or {@code chown} are reported. One finding per offending list entry; the
 * Restricted check's finding on the same entry (K8S-WL-027) gives way to it.
 */
public final class BaselineCapabilitiesCheck implements Check {
    /** The capabilities the Baseline profile lets a container add. */
    static final Set<String> ALLOWED = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL",
            "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-007", "Capability added beyond the baseline set",
                    Severity.HIGH, Category.WORKLOAD)
            .withText("Capabilities outside the runtime's default set (SYS_ADMIN, NET_ADMIN, SYS_MODULE, NET_RAW, "
                    + "SYS_PTRACE, ALL, ...) give a container kernel powers that lead to the node.",
                    "Remove the capability from capabilities.add; if the process truly needs it, run the workload "
                            + "in a namespace exempted from the Baseline profile. Allowed: AUDIT_WRITE, CHOWN, "
                            + "DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, "
                            + "SETUID, SYS_CHROOT.")
            .withPss(PssLevel.BASELINE).withCis("5.2.9")
            .withReferences(PodSecurity.BASELINE_URL)
            .withEquivalent("trivy", "KSV005", "KSV120").withEquivalent("checkov", "CKV_K8S_39")
            .withEquivalent("polaris", "dangerousCapabilities").withEquivalent("kubescape", "C-0046")
            .withOverride(RestrictedCapabilitiesCheck.METADATA.id(), Item.FIELD, "added capability")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        List<Finding> found = new ArrayList<>();
        context.containers().forEach(c -> {
            for (YamlNode cap : PodSecurity.addedCapabilities(c)) {
                if (!ALLOWED.contains(cap.text(""))) {
                    found.add(finding(c, cap, PodSecurity.describe(c) + " adds capability "
                            + PodSecurity.value(cap) + ", which the Baseline profile does not allow"));
                }
            }
        });
        return found;
    }
}
