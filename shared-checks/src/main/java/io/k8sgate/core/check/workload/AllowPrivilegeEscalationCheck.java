package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.Container;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.PssLevel;
import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.Optional;

/**
 * PSS Restricted "Privilege Escalation": every container must set {@code securityContext.allowPrivilegeEscalation}
 * to the boolean {@code false}; unset counts as allowed (the runtime's default is true), and so does a quoted
 * {@code "false"}. Pods with {@code spec.os.name: windows} are exempt from Kubernetes v1.25 on. A container without
 * the field is reported at the path where it belongs.
 */
public final class AllowPrivilegeEscalationCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-022", "Privilege escalation allowed",
                    Severity.MEDIUM, Category.WORKLOAD)
            .withText("Unless allowPrivilegeEscalation is false, a process in the container can gain more privileges "
                    + "than its parent through setuid binaries or file capabilities (the no_new_privs flag is not "
                    + "set).",
                    "Set securityContext.allowPrivilegeEscalation: false in every container.")
            .withPss(PssLevel.RESTRICTED).withCis("5.2.6")
            .withReferences(PodSecurity.RESTRICTED_URL)
            .withEquivalent("trivy", "KSV001").withEquivalent("checkov", "CKV_K8S_20")
            .withEquivalent("kube-linter", "privilege-escalation-container")
            .withEquivalent("polaris", "privilegeEscalationAllowed").withEquivalent("kubescape", "C-0016")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return PodSecurity.containersNotExemptAsWindows(context)
                .filter(c -> !c.setting("allowPrivilegeEscalation").bool().equals(Optional.of(false)))
                .map(c -> finding(c, c.setting("allowPrivilegeEscalation"), message(c)))
                .toList();
    }

    private static String message(final Container c) {
        YamlNode value = c.setting("allowPrivilegeEscalation");
        return value.isUnset() ? PodSecurity.describe(c) + " does not set allowPrivilegeEscalation: false"
                : PodSecurity.describe(c) + " sets allowPrivilegeEscalation to " + PodSecurity.booleanValue(value);
    }
}
