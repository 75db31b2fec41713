package io.k8sgate.core.check.version;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.KubernetesVersion;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;

/**
 * Objects whose apiVersion the target Kubernetes version (the policy's {@code targetKubernetesVersion}) no longer
 * serves. HIGH by default: the API server rejects them, so the deployment fails or, worse, only part of it applies.
 */
public final class RemovedApiVersionCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-VER-001", "API version removed in target Kubernetes",
                    Severity.HIGH, Category.VERSION)
            .withText("The target Kubernetes version no longer serves this apiVersion: applying the manifest fails "
                    + "with 'no matches for kind', and a partial rollout can leave security objects (network "
                    + "policies, RBAC, admission webhooks) missing.",
                    "Migrate the object to the replacement apiVersion named in the finding, adapting fields that "
                            + "changed; for PodSecurityPolicy, which has no replacement, use Pod Security "
                            + "Admission namespace labels.")
            .withReferences("https://kubernetes.io/docs/reference/using-api/deprecation-guide/",
                    "https://kubernetes.io/docs/reference/using-api/deprecation-policy/")
            .withEquivalent("trivy", "KSV107").withEquivalent("kube-linter", "no-extensions-v1beta")
            .withEquivalent("kube-score", "stable-version")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return ApiLifecycle.builtIn().findings(this, context, ApiLifecycle.Entry::isRemovedIn,
                e -> "which Kubernetes no longer serves since "
                + e.removedIn().map(KubernetesVersion::toString).orElse(""));
    }
}
