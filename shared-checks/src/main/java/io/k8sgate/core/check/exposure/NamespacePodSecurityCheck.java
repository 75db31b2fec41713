package io.k8sgate.core.check.exposure;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.Optional;

/**
 * Namespace objects that Pod Security Admission does not protect: no {@code pod-security.kubernetes.io/enforce}
 * label, or {@code enforce: privileged}. Both are reported: a namespace without the label is enforced at the level
 * of the API server's AdmissionConfiguration ({@code defaults.enforce}), which is {@code privileged}, admitting
 * anything, unless the cluster's administrators set another; the manifests cannot tell which. A namespace that must
 * stay privileged (a CNI or storage driver, say) gets an exemption with the reason.
 */
public final class NamespacePodSecurityCheck implements Check {
    static final String ENFORCE = "pod-security.kubernetes.io/enforce";

    static final CheckMetadata METADATA = CheckMetadata.of("K8S-NET-006",
                    "Namespace without Pod Security Admission enforcement", Severity.MEDIUM, Category.EXPOSURE)
            .withText("Pod Security Admission enforces the Pod Security Standards per namespace through the "
                    + ENFORCE + " label. Without it the cluster's default level applies (defaults.enforce of the "
                    + "API server's AdmissionConfiguration, privileged unless that sets one), so the namespace is "
                    + "only as safe as a setting outside the manifests; with privileged anyone allowed to create "
                    + "pods there can start privileged, host-namespace pods, whatever this gate says about the "
                    + "manifests it saw.",
                    "Label the namespace with " + ENFORCE + ": restricted (or baseline where restricted is not yet "
                            + "possible), and pin pod-security.kubernetes.io/enforce-version.")
            .withCis("5.2.1")
            .withReferences("https://kubernetes.io/docs/concepts/security/pod-security-admission/",
                    "https://kubernetes.io/docs/tasks/configure-pod-container/enforce-standards-namespace-labels/",
                    "https://kubernetes.io/docs/tasks/configure-pod-container/enforce-standards-admission-controller/")
            .withEquivalent("kubescape", "C-0192");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return context.ofKind("Namespace").stream()
                .filter(n -> n.apiGroup().isEmpty())
                .flatMap(n -> check(n).stream())
                .toList();
    }

    private Optional<Finding> check(final K8sObject namespace) {
        YamlNode label = namespace.metadata().path("labels", ENFORCE);
        if (label.isUnset()) {
            return Optional.of(finding(namespace, label, "Namespace '" + namespace.name() + "' has no " + ENFORCE
                    + " label, so Pod Security Admission enforces the cluster's default level there: the "
                    + "defaults.enforce of the API server's AdmissionConfiguration, and privileged (which admits any "
                    + "pod) where that sets none"));
        }
        if ("privileged".equals(label.text("").trim())) {
            return Optional.of(finding(namespace, label, "Namespace '" + namespace.name() + "' enforces the "
                    + "privileged Pod Security level, which admits any pod"));
        }
        return Optional.empty();
    }
}
