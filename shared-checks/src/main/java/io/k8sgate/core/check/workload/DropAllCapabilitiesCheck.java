package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.KubernetesVersion;
import io.k8sgate.core.input.Container;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.PssLevel;
import io.k8sgate.core.model.Severity;
import java.util.List;

/**
 * PSS Restricted "Capabilities", drop part: every container's {@code securityContext.capabilities.drop} must contain
 * {@code ALL}, compared exactly ({@code all} or {@code CAP_ALL} do not count, and the message says so). The add part
 * is {@link RestrictedCapabilitiesCheck}; the two are separate checks because other tools report "does not drop ALL"
 * and "adds a capability" separately. Applies from Kubernetes v1.22; from v1.25 Windows pods are exempt.
 */
public final class DropAllCapabilitiesCheck implements Check {
    /** The first version of the Restricted capabilities control. */
    static final KubernetesVersion SINCE = new KubernetesVersion(1, 22);

    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-026", "Capabilities not dropped",
                    Severity.MEDIUM, Category.WORKLOAD)
            .withText("A container that does not drop ALL keeps the runtime's default capabilities (NET_RAW, "
                    + "CHOWN, DAC_OVERRIDE, SETUID, ...), more kernel privileges than almost any process needs.",
                    "Set securityContext.capabilities.drop: [\"ALL\"] in every container and add back only "
                            + "NET_BIND_SERVICE if the process binds a port below 1024.")
            .withPss(PssLevel.RESTRICTED).withCis("5.2.10")
            .withReferences(PodSecurity.RESTRICTED_URL)
            .withEquivalent("trivy", "KSV003", "KSV106").withEquivalent("checkov", "CKV_K8S_37")
            .withEquivalent("polaris", "insecureCapabilities")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        if (!context.settings().targetKubernetesVersion().isAtLeast(SINCE)) {
            return List.of();
        }
        return PodSecurity.containersNotExemptAsWindows(context)
                .filter(c -> !dropsAll(c))
                .map(c -> finding(c, c.setting("capabilities", "drop"), message(c)))
                .toList();
    }

    private static boolean dropsAll(final Container c) {
        return c.setting("capabilities", "drop").elements().stream()
                .anyMatch(d -> "ALL".equals(d.text("")));
    }

    private static String message(final Container c) {
        return c.setting("capabilities", "drop").elements().stream()
                .filter(d -> "ALL".equalsIgnoreCase(d.text("").replaceFirst("^(?i)cap_", "")))
                .findFirst()
                .map(d -> PodSecurity.describe(c) + " drops " + PodSecurity.value(d)
                        + ", which is not the exact name ALL")
                .orElseGet(() -> PodSecurity.describe(c) + " does not drop ALL capabilities");
    }
}
