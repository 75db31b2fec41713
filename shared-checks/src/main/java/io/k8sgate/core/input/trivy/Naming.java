package io.k8sgate.core.input.trivy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What old reports say only through their targets. Trivy names the OS result of an image
 * {@code "<image> (<family> <version>)"}, and the version may hold spaces and parentheses of its own:
 * {@code "alpine:3.10 (alpine 3.10.2)"}, {@code "amazon:2 (amazon 2 (Karoo))"},
 * {@code "amazon:1 (amazon AMI release 2018.03)"}.
 */
final class Naming {
    /** Trivy's own aliases for legacy OS family names. */
    private static final Map<String, String> FAMILY_ALIASES = Map.of(
            "opensuse.leap", "opensuse-leap", "opensuse.tumbleweed", "opensuse-tumbleweed",
            "suse linux enterprise server", "sles", "suse linux enterprise micro", "slem",
            "amazon linux", "amazon", "debian gnu/linux", "debian");
    /** The legacy family names made of several words, longest first, which a target spells out in full. */
    private static final List<String> MULTI_WORD_FAMILIES = FAMILY_ALIASES.keySet().stream()
            .filter(f -> f.contains(" ")).sorted((a, b) -> b.length() - a.length()).toList();
    /** What an OS family name is made of ({@code alpine}, {@code cbl-mariner}, {@code opensuse.leap}). */
    private static final Pattern FAMILY = Pattern.compile("[A-Za-z][A-Za-z0-9._/-]*");

    private Naming() {
    }

    /** The parts of an OS target. */
    private record OsTarget(String image, String family, String version) {
    }

    static String osFamily(final String family) {
        String lower = family.toLowerCase(Locale.ROOT);
        return FAMILY_ALIASES.getOrDefault(lower, lower);
    }

    /** The image part of the OS target: {@code alpine:3.10} of {@code "alpine:3.10 (alpine 3.10.2)"}. */
    static String imageFromTargets(final List<ScanResult> results) {
        for (ScanResult r : results) {
            if (r.isOsPackages() || r.resultClass().isEmpty()) {
                Optional<OsTarget> t = parse(r.target());
                if (t.isPresent()) {
                    return t.get().image();
                }
            }
        }
        return "";
    }

    /** The OS named by the OS target of old reports (which carry no metadata). */
    static Optional<OsInfo> osFromTargets(final List<ScanResult> results) {
        for (ScanResult r : results) {
            if (r.isOsPackages() || r.resultClass().isEmpty()) {
                Optional<OsTarget> t = parse(r.target());
                if (t.isPresent()) {
                    return Optional.of(new OsInfo(osFamily(t.get().family()), t.get().version(), false));
                }
            }
        }
        return Optional.empty();
    }

    /** The image part of one target, empty when the target does not name an OS. */
    static String imageOf(final String target) {
        return parse(target).map(OsTarget::image).orElse("");
    }

    /**
     * Splits {@code "<image> (<family> <version>)"}: the last parenthesis is matched back to its opening one, so that
     * a version with parentheses of its own stays whole; the family is a legacy multi-word name when the text starts
     * with one, else the first word.
     */
    private static Optional<OsTarget> parse(final String target) {
        if (!target.endsWith(")")) {
            return Optional.empty();
        }
        int depth = 0;
        int open = -1;
        for (int i = target.length() - 1; i >= 0 && open < 0; i--) {
            char c = target.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && --depth == 0) {
                open = i;
            }
        }
        if (open < 1 || target.charAt(open - 1) != ' ') {
            return Optional.empty();
        }
        String image = target.substring(0, open - 1);
        String inner = target.substring(open + 1, target.length() - 1).strip();
        String lower = inner.toLowerCase(Locale.ROOT);
        for (String family : MULTI_WORD_FAMILIES) {
            if (lower.startsWith(family + " ") && inner.length() > family.length() + 1) {
                return Optional.of(new OsTarget(image, family, inner.substring(family.length() + 1).strip()));
            }
        }
        int space = inner.indexOf(' ');
        if (space < 1 || !FAMILY.matcher(inner.substring(0, space)).matches()) {
            return Optional.empty();
        }
        String version = inner.substring(space + 1).strip();
        return version.isEmpty() ? Optional.empty() : Optional.of(new OsTarget(image, inner.substring(0, space),
                version));
    }
}
