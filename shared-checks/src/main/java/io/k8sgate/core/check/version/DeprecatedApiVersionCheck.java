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
 * Objects whose apiVersion is deprecated, but still served, in the target Kubernetes version. LOW by default: the
 * manifest still deploys today, the finding is notice that it will stop deploying after an upgrade.
 */
public final class DeprecatedApiVersionCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-VER-002",
                    "API version deprecated in target Kubernetes", Severity.LOW, Category.VERSION)
            .withText("The target Kubernetes version still serves this apiVersion but has deprecated it; a later "
                    + "release will stop serving it and the manifest will then fail to deploy.",
                    "Migrate the object to the replacement apiVersion named in the finding before upgrading the "
                            + "cluster to the release that removes it.")
            .withReferences("https://kubernetes.io/docs/reference/using-api/deprecation-guide/",
                    "https://kubernetes.io/docs/reference/using-api/deprecation-policy/")
            .withEquivalent("trivy", "KSV107").withEquivalent("kube-score", "stable-version")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return ApiLifecycle.builtIn().findings(this, context, ApiLifecycle.Entry::isDeprecatedIn,
                e -> "deprecated since "
                + e.deprecatedIn().map(KubernetesVersion::toString).orElse("")
                + e.removedIn().map(r -> " and no longer served from " + r).orElse(""));
    }
}
