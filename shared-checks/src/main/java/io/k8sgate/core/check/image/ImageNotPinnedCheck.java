package io.k8sgate.core.check.image;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.Container;
import io.k8sgate.core.input.ImageRef;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An image referenced without a well-formed digest. Optional: most teams pin by version tag and let a registry policy
 * keep tags immutable; teams that sign or attest images turn it on, with {@code images.requireDigest: true} or an
 * entry under {@code checks}. A digest is {@code sha256:} with 64 lowercase hexadecimal digits or {@code sha512:} with
 * 128; any other text after {@code @} pins nothing, and the finding says why.
 *
 * <p>It replaces K8S-WL-056, which reported the same fact for the workload area; that id is read as this one.
 */
public final class ImageNotPinnedCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-IMG-004", "Image not pinned by digest",
                    Severity.MEDIUM, Category.IMAGE)
            .withText("The image is referenced by tag only, or by a malformed digest. Whoever can push to the "
                    + "repository can change what the tag points to, so the scanned and approved image may not be "
                    + "the one that runs; only a digest (sha256: with 64 lowercase hexadecimal digits, or sha512: "
                    + "with 128) names exactly one image.",
                    "Reference the image as name:tag@sha256:<digest> (for instance with the digest printed by "
                            + "`crane digest` or `docker buildx imagetools inspect`, or resolved at release time "
                            + "by kustomize or a CI step).")
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
        return context.containers().filter(c -> !c.image().isBlank()).flatMap(this::unpinned).toList();
    }

    private Stream<Finding> unpinned(final Container c) {
        String image = c.image().trim();
        int at = image.indexOf('@');
        Optional<String> problem = at < 0 ? Optional.empty() : ImageRef.digestProblem(image.substring(at + 1));
        if (at >= 0 && problem.isEmpty()) {
            return Stream.empty();
        }
        Optional<ImageRef> ref = ImageRef.parse(image);
        // a malformed digest is quoted as written: the normalised form would lower its case
        String named = problem.isPresent() ? "'" + image + "'" : ref.map(ImageRef::canonical).orElse(image);
        String message = "Container '" + c.name() + "' runs " + named + problem.map(p -> " with a malformed digest, "
                + "so it is not pinned: " + p).orElse(" by tag, without a digest");
        Finding finding = finding(c, c.field("image"), message);
        return Stream.of(ref.map(r -> finding.withProperty(ImageFindings.IMAGE_REFERENCE, r.canonical()))
                .orElse(finding));
    }
}
