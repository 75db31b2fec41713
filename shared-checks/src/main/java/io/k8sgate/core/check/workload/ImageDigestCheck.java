package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;

/**
 * Optional: every image referenced by digest. Off by default because most teams pin by version tag and let a
 * registry policy keep tags immutable; teams that sign or attest images turn it on.
 */
public final class ImageDigestCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-056", "Image not pinned by digest",
                    Severity.LOW, Category.WORKLOAD)
            .withText("A tag can be moved to another image at any time; only a digest (@sha256:...) guarantees "
                    + "that the cluster runs exactly the image that was scanned and approved.",
                    "Reference the image by digest, for instance app:1.4.2@sha256:<digest>; tools such as "
                            + "kustomize or a CI step can resolve tags to digests at release time.")
            .withReferences("https://kubernetes.io/docs/concepts/containers/images/#image-names")
            .withEquivalent("checkov", "CKV_K8S_43").withEquivalent("kubescape", "C-0306")
            .optional()
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return ContainerImage.all(context)
                .filter(ci -> !ci.image().isPinned())
                .map(ci -> finding(ci.container(), ci.container().field("image"), ci.describe()
                        + ci.image().digestProblem().map(p -> " with a malformed digest, so it is not pinned: " + p)
                                .orElse(" without a digest")))
                .toList();
    }
}
