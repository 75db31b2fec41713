package io.k8sgate.core.baseline;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Which field changes matter for security, and why: the ones a reviewer of a drift report must not miss. */
final class SecurityFields {
    private static final Map<String, String> BY_FIELD = Map.ofEntries(
            Map.entry("privileged", "privileged"),
            Map.entry("allowPrivilegeEscalation", "privilege escalation"),
            Map.entry("capabilities", "capabilities"),
            Map.entry("hostNetwork", "host namespaces"),
            Map.entry("hostPID", "host namespaces"),
            Map.entry("hostIPC", "host namespaces"),
            Map.entry("hostUsers", "host namespaces"),
            Map.entry("hostPath", "hostPath"),
            Map.entry("hostPort", "exposure"),
            Map.entry("image", "image"),
            Map.entry("serviceAccountName", "service account"),
            Map.entry("serviceAccount", "service account"),
            Map.entry("automountServiceAccountToken", "service account"),
            Map.entry("runAsNonRoot", "security context"),
            Map.entry("runAsUser", "security context"),
            Map.entry("runAsGroup", "security context"),
            Map.entry("readOnlyRootFilesystem", "security context"),
            Map.entry("seccompProfile", "security context"),
            Map.entry("seLinuxOptions", "security context"),
            Map.entry("appArmorProfile", "security context"),
            Map.entry("procMount", "security context"),
            Map.entry("sysctls", "security context"));
    private static final Set<String> SERVICE_EXPOSURE = Set.of("type", "ports", "externalIPs",
            "loadBalancerSourceRanges", "externalName", "externalTrafficPolicy", "loadBalancerIP");

    private SecurityFields() {
    }

    /** Why a change of the field at {@code segments} of an object of {@code kind} matters, if it does. */
    static Optional<String> classify(final String kind, final List<String> segments) {
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        String first = segments.get(0);
        String second = segments.size() > 1 ? segments.get(1) : "";
        switch (kind) {
            case "Role", "ClusterRole":
                if (first.equals("rules") || first.equals("aggregationRule")) {
                    return Optional.of("RBAC rules");
                }
                break;
            case "RoleBinding", "ClusterRoleBinding":
                if (first.equals("subjects") || first.equals("roleRef")) {
                    return Optional.of("RBAC binding");
                }
                break;
            case "Service":
                if (first.equals("spec") && SERVICE_EXPOSURE.contains(second)) {
                    return Optional.of("exposure");
                }
                break;
            case "Ingress":
                if (first.equals("spec")) {
                    return Optional.of("exposure");
                }
                break;
            case "NetworkPolicy":
                if (first.equals("spec")) {
                    return Optional.of("network policy");
                }
                break;
            case "Namespace":
                if (first.equals("metadata") && second.equals("labels") && segments.size() > 2
                        && segments.get(2).startsWith("pod-security.kubernetes.io/")) {
                    return Optional.of("pod security admission");
                }
                break;
            case "Secret":
                if (first.equals("data") || first.equals("stringData")) {
                    return Optional.of("secret");
                }
                break;
            default:
                break;
        }
        if (first.equals("metadata")) {
            return Optional.empty();
        }
        for (String segment : segments) {
            String reason = BY_FIELD.get(segment);
            if (reason != null) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
