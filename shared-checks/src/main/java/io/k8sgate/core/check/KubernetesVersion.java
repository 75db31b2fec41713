package io.k8sgate.core.check;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes minor version such as 1.33.
 *
 * @param major the major version (1)
 * @param minor the minor version
 */
public record KubernetesVersion(int major, int minor) implements Comparable<KubernetesVersion> {
    private static final Pattern FORMAT = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.\\d+)?");
    /** The version assumed when the policy names none. */
    public static final KubernetesVersion DEFAULT = new KubernetesVersion(1, 34);

    /** Parses {@code 1.33}, {@code v1.33} or {@code 1.33.2}. */
    public static Optional<KubernetesVersion> parse(final String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new KubernetesVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }

    /** True when this version is the same as or newer than {@code other}. */
    public boolean isAtLeast(final KubernetesVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(final KubernetesVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return "v" + major + "." + minor;
    }
}
