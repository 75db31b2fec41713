package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;

/**
 * Images must name a fixed version: no tag and {@code latest} resolve to whatever was pushed last. A digest makes
 * the reference immutable whatever its tag says, so {@code app:latest@sha256:...} passes. Every container type is
 * checked, since init and ephemeral containers run code too.
 */
public final class ImageTagCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-055", "Image without tag or with latest tag",
                    Severity.MEDIUM, Category.WORKLOAD)
            .withText("An image without a tag or tagged latest changes whenever someone pushes: what runs is not "
                    + "what was reviewed and scanned, rollbacks do not roll back, and two nodes may run different "
                    + "code.",
                    "Reference a fixed version tag (app:1.4.2), or better a digest (app@sha256:...).")
            .withReferences("https://kubernetes.io/docs/concepts/containers/images/#image-names")
            .withEquivalent("trivy", "KSV013").withEquivalent("checkov", "CKV_K8S_14")
            .withEquivalent("kube-linter", "latest-tag").withEquivalent("polaris", "tagNotSpecified")
            .withEquivalent("kube-score", "container-image-tag")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return ContainerImage.all(context)
                .filter(ci -> ci.image().digest().isEmpty() && ci.image().isFloating())
                .map(ci -> finding(ci.container(), ci.container().field("image"), ci.describe() + " "
                        + (ci.image().tag().isEmpty() ? "without a tag" : "with the mutable tag latest")))
                .toList();
    }
}
