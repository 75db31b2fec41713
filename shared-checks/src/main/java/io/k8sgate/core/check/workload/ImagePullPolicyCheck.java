package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;

/**
 * An image referenced by a tag (any tag can be moved), or by none (which means {@code latest}), should be pulled
 * every time a container starts. The policy
 * in effect is the written one or, when none is written, the one Kubernetes defaults to ({@code Always} for
 * {@code latest} and untagged images, {@code IfNotPresent} otherwise). Images pinned by digest are immutable, so
 * their pull policy does not matter.
 */
public final class ImagePullPolicyCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-057", "Image pull policy not Always for a tag",
                    Severity.LOW, Category.WORKLOAD)
            .withText("With IfNotPresent or Never a node reuses whatever image it cached under the tag: a moved tag "
                    + "is not picked up, and a pod may start from an image another tenant pulled onto the node "
                    + "without presenting its own registry credentials.",
                    "Set imagePullPolicy: Always, or reference the image by digest.")
            .withReferences("https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy")
            .withEquivalent("checkov", "CKV_K8S_15").withEquivalent("polaris", "pullPolicyNotAlways")
            .withEquivalent("kube-score", "container-image-pull-policy").withEquivalent("kubescape", "C-0075")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return ContainerImage.all(context)
                .filter(ci -> !ci.image().isPinned())
                .filter(ci -> !"Always".equals(ci.container().field("imagePullPolicy").text()
                        .orElseGet(() -> ci.image().defaultPullPolicy())))
                .map(ci -> {
                    YamlNode field = ci.container().field("imagePullPolicy");
                    String how = field.isPresent() ? "imagePullPolicy " + field.text("")
                            : "no imagePullPolicy (so IfNotPresent)";
                    return finding(ci.container(), field, ci.describe() + ", " + reference(ci.image())
                            + ", with " + how);
                })
                .toList();
    }

    /** How the image is referenced: by tag, untagged (which the runtime reads as latest), or by a broken digest. */
    private static String reference(final ImageReference image) {
        if (!image.tag().isEmpty()) {
            return "referenced by tag";
        }
        return image.digest().isEmpty() ? "untagged (so :latest)"
                : "with a digest that is not a valid content digest (so it pins nothing)";
    }
}
