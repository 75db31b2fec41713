package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.CheckOverride.Item;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.PssLevel;
import io.k8sgate.core.model.Severity;
import java.util.List;

/**
 * PSS Baseline "Privileged Containers": no container (init, regular or ephemeral) may set
 * {@code securityContext.privileged: true}. Only a real boolean counts: a quoted {@code "true"} is a string the API
 * refuses, not a privileged container.
 *
 * <p>On a privileged container the findings of K8S-WL-022 and K8S-WL-026 give way to this one, which names them: the
 * API server refuses {@code allowPrivilegeEscalation: false} together with {@code privileged: true} (core validation of
 * the security context), so that fix cannot be made first, and the CRI runtimes give a privileged container every
 * capability whatever {@code capabilities.drop} says (containerd's {@code WithPrivileged}, CRI-O's privileged spec).
 */
public final class PrivilegedContainerCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-001", "Privileged container", Severity.CRITICAL,
                    Category.WORKLOAD)
            .withText("A privileged container has every capability and full access to the host's devices: "
                    + "escaping to the node is trivial.",
                    "Remove securityContext.privileged or set it to false; grant only the specific capabilities "
                            + "the process needs.")
            .withPss(PssLevel.BASELINE).withCis("5.2.2")
            .withReferences(PodSecurity.BASELINE_URL)
            .withEquivalent("trivy", "KSV017").withEquivalent("checkov", "CKV_K8S_16")
            .withEquivalent("kube-linter", "privileged-container").withEquivalent("polaris", "runAsPrivileged")
            .withEquivalent("kubescape", "C-0057")
            .withEquivalent("kube-score", "container-security-context-privileged")
            .withOverride(AllowPrivilegeEscalationCheck.METADATA.id(), Item.CONTAINER, "privileged container")
            .withOverride(DropAllCapabilitiesCheck.METADATA.id(), Item.CONTAINER, "privileged container")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return context.containers()
                .filter(c -> c.setting("privileged").isTrue())
                .map(c -> finding(c, c.setting("privileged"),
                        PodSecurity.describe(c) + " runs privileged"))
                .toList();
    }
}
