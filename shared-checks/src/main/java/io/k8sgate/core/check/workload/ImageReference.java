package io.k8sgate.core.check.workload;

import java.util.Locale;

/**
 * A container image reference split the way the container runtime reads it:
 * {@code [registry[:port]/]repository[:tag][@digest]}. A colon before the last slash belongs to the registry's port,
 * not to a tag, so {@code registry:5000/app} has no tag.
 *
 * @param registry   the registry host (with port), empty when the reference names none
 * @param repository the repository path
 * @param tag        the tag, empty when none is written
 * @param digest     the digest after {@code @}, empty when none is written
 */
record ImageReference(String registry, String repository, String tag, String digest) {
    /** Splits an image reference as written in a container spec. */
    static ImageReference parse(final String image) {
        String rest = image.trim();
        String digest = "";
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = "";
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        String registry = "";
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String head = rest.substring(0, slash);
            if (head.contains(".") || head.contains(":") || "localhost".equals(head.toLowerCase(Locale.ROOT))) {
                registry = head;
                rest = rest.substring(slash + 1);
            }
        }
        return new ImageReference(registry, rest, tag, digest);
    }

    /** True when the reference names a well-formed content digest, which makes it immutable. */
    boolean isPinned() {
        return !digest.isEmpty() && digestProblem().isEmpty();
    }

    /** Why the written digest does not pin the image (empty when there is none or it does). */
    java.util.Optional<String> digestProblem() {
        return digest.isEmpty() ? java.util.Optional.empty() : io.k8sgate.core.input.ImageRef.digestProblem(digest);
    }

    /** True when the tag is missing or {@code latest}: the runtime resolves it to whatever was pushed last. */
    boolean isFloating() {
        return tag.isEmpty() || "latest".equals(tag);
    }

    /**
     * The pull policy Kubernetes sets when the manifest names none: {@code Always} for {@code latest} or no tag
     * (and no digest), {@code IfNotPresent} otherwise.
     */
    String defaultPullPolicy() {
        return "latest".equals(tag) || (tag.isEmpty() && digest.isEmpty()) ? "Always" : "IfNotPresent";
    }
}
