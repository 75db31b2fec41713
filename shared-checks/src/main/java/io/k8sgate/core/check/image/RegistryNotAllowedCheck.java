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
 * An image from a registry the policy does not allow ({@code images.allowedRegistries}, per namespace with
 * {@code images.namespaces.<ns>.allowedRegistries}). An entry is a registry ({@code ghcr.io}) or a registry and path
 * prefix ({@code ghcr.io/acme}); {@code docker.io} stands for Docker Hub. Nothing is flagged when no list is set.
 */
public final class RegistryNotAllowedCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-IMG-003", "Image from a registry that is not allowed",
                    Severity.HIGH, Category.IMAGE)
            .withText("Images from registries outside the organisation's list escape its build, signing and scanning "
                    + "controls and may be replaced by whoever controls that registry.",
                    "Pull the image through an allowed registry (mirror or rebuild it there), or add the registry to "
                            + "images.allowedRegistries in the policy after review.")
            .withReferences("https://kubernetes.io/docs/concepts/containers/images/")
            .withEquivalent("kubescape", "C-0078")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        ImageSettings settings = ImageContext.settings(context);
        return context.containers().flatMap(c -> {
            List<String> allowed = settings.allowedIn(c.workload().namespace());
            Optional<ImageRef> ref = ImageRef.parse(c.image());
            if (allowed.isEmpty() || ref.isEmpty() || isAllowed(ref.get(), allowed)) {
                return java.util.stream.Stream.empty();
            }
            return java.util.stream.Stream.of(finding(c, c.field("image"), "Container '" + c.name()
                    + "' runs " + ref.get().canonical() + " from registry " + ref.get().registry()
                    + ", which is not allowed in namespace " + c.workload().namespace() + " (allowed: "
                    + String.join(", ", allowed) + ")")
                    .withProperty(ImageFindings.IMAGE_REFERENCE, ref.get().canonical()));
        }).toList();
    }

    static boolean isAllowed(final ImageRef image, final List<String> allowed) {
        for (String entry : allowed) {
            String prefix = prefix(entry.trim().replaceAll("/+$", ""));
            if (image.name().equals(prefix) || image.name().startsWith(prefix + "/")
                    || image.registry().equals(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** {@code registry[/path]} with Docker Hub's aliases folded, or {@code docker.io/org} for a bare Hub path. */
    private static String prefix(final String entry) {
        int slash = entry.indexOf('/');
        String first = slash < 0 ? entry : entry.substring(0, slash);
        String rest = slash < 0 ? "" : entry.substring(slash);
        if (first.contains(".") || first.contains(":") || "localhost".equals(first)) {
            return ImageRef.parse(first + "/x").map(ImageRef::registry).orElse(first) + rest;
        }
        return ImageRef.DOCKER_HUB + "/" + entry;
    }
}
