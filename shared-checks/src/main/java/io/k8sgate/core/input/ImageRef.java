package io.k8sgate.core.input;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A container image reference, normalised with Docker's rules so that spellings of the same image compare equal:
 * {@code nginx} = {@code docker.io/library/nginx:latest} = {@code index.docker.io/library/nginx:latest}.
 *
 * @param registry   the registry host (with port), {@code docker.io} for Docker Hub
 * @param repository the path inside the registry; Docker Hub's official images get {@code library/}
 * @param tag        the tag, empty when the reference pins only a digest
 * @param digest     the digest ({@code sha256:...}), empty when not pinned
 */
public record ImageRef(String registry, String repository, String tag, String digest) {
    /** Docker Hub's canonical registry name. */
    public static final String DOCKER_HUB = "docker.io";
    private static final Set<String> HUB_ALIASES = Set.of("docker.io", "index.docker.io", "registry-1.docker.io",
            "registry.hub.docker.com");
    private static final Pattern DIGEST = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:"
            + "[0-9a-fA-F]{32,}");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern PATH = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
            + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");

    public ImageRef {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
    }

    /**
     * Parses a reference; empty when the text is not one (blank, a template placeholder, upper-case path, ...).
     * A reference without tag and digest gets {@code latest}.
     */
    public static Optional<ImageRef> parse(final String text) {
        String ref = text.trim();
        if (ref.isEmpty() || ref.contains(" ") || ref.contains("{{") || ref.contains("$")) {
            return Optional.empty();
        }
        String digest = "";
        int at = ref.indexOf('@');
        if (at >= 0) {
            digest = ref.substring(at + 1);
            ref = ref.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                return Optional.empty();
            }
            digest = digest.toLowerCase(Locale.ROOT);
        }
        String tag = "";
        int colon = ref.lastIndexOf(':');
        if (colon > ref.lastIndexOf('/')) {
            tag = ref.substring(colon + 1);
            ref = ref.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                return Optional.empty();
            }
        }
        String registry = DOCKER_HUB;
        int slash = ref.indexOf('/');
        if (slash > 0) {
            String first = ref.substring(0, slash);
            if (first.contains(".") || first.contains(":") || "localhost".equals(first)) {
                registry = first.toLowerCase(Locale.ROOT);
                ref = ref.substring(slash + 1);
            }
        }
        if (HUB_ALIASES.contains(registry)) {
            registry = DOCKER_HUB;
        }
        if (DOCKER_HUB.equals(registry) && !ref.contains("/")) {
            ref = "library/" + ref;
        }
        if (!PATH.matcher(ref).matches()) {
            return Optional.empty();
        }
        if (tag.isEmpty() && digest.isEmpty()) {
            tag = "latest";
        }
        return Optional.of(new ImageRef(registry, ref, tag, digest));
    }

    /** {@code registry/repository}: the image without tag or digest. */
    public String name() {
        return registry + "/" + repository;
    }

    /** The full normalised reference, {@code docker.io/library/nginx:1.25@sha256:...}. */
    public String canonical() {
        return name() + (tag.isEmpty() ? "" : ":" + tag) + (digest.isEmpty() ? "" : "@" + digest);
    }

    /**
     * Why a digest as written does not pin an image, empty when it does: Kubernetes pulls by {@code sha256:} with 64
     * lowercase hexadecimal digits or {@code sha512:} with 128; anything else is refused by the registry or names
     * nothing, so the image is not pinned.
     */
    public static Optional<String> digestProblem(final String digest) {
        int colon = digest.indexOf(':');
        String algorithm = colon < 0 ? "" : digest.substring(0, colon);
        String hex = colon < 0 ? digest : digest.substring(colon + 1);
        int expected = "sha256".equals(algorithm) ? 64 : "sha512".equals(algorithm) ? 128 : -1;
        if (expected < 0) {
            return Optional.of("'" + algorithm + "' is not a digest algorithm images are pulled by (sha256, sha512)");
        }
        boolean lowerHex = hex.chars().allMatch(ch -> (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'));
        if (hex.length() != expected || !lowerHex) {
            return Optional.of("a " + algorithm + " digest is " + expected + " lowercase hexadecimal digits (got "
                    + hex.length() + " characters" + (hex.equals(hex.toLowerCase(Locale.ROOT)) ? "" : ", uppercase")
                    + ")");
        }
        return Optional.empty();
    }

    /** True when the reference pins a digest. */
    public boolean isPinned() {
        return !digest.isEmpty();
    }

    /** True when both name the same repository and the same tag, or the same digest when both pin one. */
    public boolean sameImage(final ImageRef other) {
        if (!name().equals(other.name())) {
            return false;
        }
        if (isPinned() && other.isPinned()) {
            return digest.equals(other.digest);
        }
        return !tag.isEmpty() && tag.equals(other.tag);
    }

    /**
     * True when an image known under {@code names} (a report's artifact name, tags and digests) is the image this
     * reference runs. When this reference pins a digest and the names carry a digest of the same repository, only the
     * digest decides (a tag may have moved since the scan); otherwise the tag does.
     */
    public boolean matchesAny(final List<ImageRef> names) {
        if (isPinned()) {
            List<ImageRef> pinned = names.stream().filter(n -> n.name().equals(name()) && n.isPinned()).toList();
            if (!pinned.isEmpty()) {
                return pinned.stream().anyMatch(n -> n.digest.equals(digest));
            }
        }
        return names.stream().anyMatch(n -> n.name().equals(name()) && !tag.isEmpty() && tag.equals(n.tag));
    }

    @Override
    public String toString() {
        return canonical();
    }
}
