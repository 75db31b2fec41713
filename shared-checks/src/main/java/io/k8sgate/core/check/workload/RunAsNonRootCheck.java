package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.KubernetesVersion;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.PssLevel;
import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.function.Function;

/**
 * PSS Restricted "Running as Non-root": {@code runAsNonRoot} must be true for every container, either its own or
 * inherited from the pod's {@code securityContext}. As in the admission controller, an explicit {@code false}
 * fails wherever it is written (a pod-level false is one finding, even when containers override it), and a
 * container that sets nothing fails unless the pod sets true; such a container is reported at the path where the
 * field belongs, e.g. {@code spec.containers[0].securityContext.runAsNonRoot}. From Kubernetes v1.35 pods with
 * {@code hostUsers: false} are exempt: root in a user namespace is not root on the node.
 */
public final class RunAsNonRootCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-023", "Container may run as root",
                    Severity.MEDIUM, Category.WORKLOAD)
            .withText("Without runAsNonRoot: true the kubelet starts the container even when its image runs as UID "
                    + "0; root in a container is one kernel bug or misconfiguration away from root on the node.",
                    "Set securityContext.runAsNonRoot: true at pod level (or in every container) and give the "
                            + "image a non-root USER or set runAsUser to a non-zero UID.")
            .withPss(PssLevel.RESTRICTED).withCis("5.2.7")
            .withReferences(PodSecurity.RESTRICTED_URL)
            .withEquivalent("trivy", "KSV012").withEquivalent("checkov", "CKV_K8S_23")
            .withEquivalent("kube-linter", "run-as-non-root").withEquivalent("polaris", "runAsRootAllowed")
            .withEquivalent("kubescape", "C-0013")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        KubernetesVersion target = context.settings().targetKubernetesVersion();
        return context.workloads().stream()
                .filter(w -> !PodSecurity.relaxedForUserNamespace(w, target))
                .flatMap(w -> PodSecurity.required(this, w, "runAsNonRoot", YamlNode::isTrue, Function.identity(),
                        v -> "runAsNonRoot is " + PodSecurity.booleanValue(v),
                        "does not set runAsNonRoot: true, and the pod does not either").stream())
                .toList();
    }
}
