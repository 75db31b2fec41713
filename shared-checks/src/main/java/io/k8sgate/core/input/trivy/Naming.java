package io.k8sgate.core.input.trivy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What old reports say only through their targets: {@code "alpine:3.10 (alpine 3.10.2)"}. */
final class Naming {
    private static final Pattern OS_TARGET = Pattern.compile("^(.*) \\(([^()]+?) ([^() ]+)\\)$");
    /** Trivy's own aliases for legacy OS family names. */
    private static final Map<String, String> FAMILY_ALIASES = Map.of(
            "opensuse.leap", "opensuse-leap", "opensuse.tumbleweed", "opensuse-tumbleweed",
            "suse linux enterprise server", "sles", "suse linux enterprise micro", "slem",
            "amazon linux", "amazon", "debian gnu/linux", "debian");

    private Naming() {
    }

    static String osFamily(final String family) {
        String lower = family.toLowerCase(Locale.ROOT);
        return FAMILY_ALIASES.getOrDefault(lower, lower);
    }

    /** The image part of the OS target: {@code alpine:3.10} of {@code "alpine:3.10 (alpine 3.10.2)"}. */
    static String imageFromTargets(final List<ScanResult> results) {
        for (ScanResult r : results) {
            if (r.isOsPackages() || r.resultClass().isEmpty()) {
                Matcher m = OS_TARGET.matcher(r.target());
                if (m.matches()) {
                    return m.group(1);
                }
            }
        }
        return "";
    }

    /** The OS named by the OS target of old reports (which carry no metadata). */
    static Optional<OsInfo> osFromTargets(final List<ScanResult> results) {
        for (ScanResult r : results) {
            if (r.isOsPackages() || r.resultClass().isEmpty()) {
                Matcher m = OS_TARGET.matcher(r.target());
                if (m.matches()) {
                    return Optional.of(new OsInfo(osFamily(m.group(2)), m.group(3), false));
                }
            }
        }
        return Optional.empty();
    }

    /** The image part of one target, empty when the target does not name an OS. */
    static String imageOf(final String target) {
        Matcher m = OS_TARGET.matcher(target);
        return m.matches() ? m.group(1) : "";
    }
}
