package io.k8sgate.core.check.image;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.ImageRef;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.Optional;

/**
 * An image referenced without a digest, when the policy requires pinning ({@code images.requireDigest: true} turns
 * this optional check on). A tag can be moved to other content after review and scan; a digest cannot.
 */
public final class ImageNotPinnedCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-IMG-004", "Image not pinned by digest",
                    Severity.MEDIUM, Category.IMAGE)
            .withText("The image is referenced by tag only. Whoever can push to the repository can change what the "
                    + "tag points to, so the scanned and approved image may not be the one that runs.",
                    "Reference the image as name:tag@sha256:<digest> (for instance with the digest printed by "
                            + "`crane digest` or `docker buildx imagetools inspect`).")
            .withReferences("https://kubernetes.io/docs/concepts/containers/images/#image-names")
            .withEquivalent("checkov", "CKV_K8S_43")
            .optional()
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return context.containers().flatMap(c -> {
            Optional<ImageRef> ref = ImageRef.parse(c.image());
            if (ref.isEmpty() || (ref.get().isPinned() && ImageRef.digestProblem(c.image().substring(
                    c.image().indexOf('@') + 1).trim()).isEmpty())) {
                return java.util.stream.Stream.empty();
            }
            return java.util.stream.Stream.of(finding(c, c.field("image"), "Container '" + c.name()
                    + "' runs " + ref.get().canonical() + " by tag, without a digest")
                    .withProperty(ImageFindings.IMAGE_REFERENCE, ref.get().canonical()));
        }).toList();
    }
}
