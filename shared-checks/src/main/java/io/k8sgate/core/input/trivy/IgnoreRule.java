package io.k8sgate.core.input.trivy;

import io.k8sgate.core.model.Location;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of a {@code .trivyignore} or {@code .trivyignore.yaml} file.
 *
 * @param kind      what it applies to
 * @param id        the finding id it names (compared exactly, like Trivy)
 * @param paths     glob patterns matched against the result's target or the package path; empty matches all
 * @param purls     package URLs (vulnerabilities only); empty matches all packages
 * @param expiresAt the day from which the entry no longer applies (Trivy's {@code exp:} / {@code expired_at})
 * @param statement the justification as written, empty when none
 * @param origin    where the entry is written
 */
public record IgnoreRule(Kind kind, String id, List<String> paths, List<Purl> purls, Optional<LocalDate> expiresAt,
        String statement, Location origin) {
    /** The kinds of findings an entry may apply to; {@link #ANY} for the plain-text file. */
    public enum Kind { ANY, VULNERABILITY, MISCONFIGURATION, SECRET, LICENSE }

    public IgnoreRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        paths = List.copyOf(paths);
        purls = List.copyOf(purls);
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(origin, "origin");
    }

    /** True when the entry still applies on {@code today}: Trivy drops it from the start of its expiry day (UTC). */
    public boolean isActive(final LocalDate today) {
        return expiresAt.map(today::isBefore).orElse(true);
    }

    /** True when the entry applies to findings of {@code k}. */
    public boolean appliesTo(final Kind k) {
        return kind == Kind.ANY || kind == k;
    }

    /** True when no path is given or one of the globs matches one of the candidate paths. */
    public boolean matchesPath(final String... candidates) {
        if (paths.isEmpty()) {
            return true;
        }
        for (String glob : paths) {
            Pattern p = Pattern.compile(globToRegex(glob));
            for (String c : candidates) {
                if (!c.isEmpty() && p.matcher(c).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when no package URL is given, the package has none, or one of them names the package. */
    public boolean matchesPurl(final String purl) {
        if (purls.isEmpty() || purl.isEmpty()) {
            return true;
        }
        return Purl.parse(purl).map(pkg -> purls.stream().anyMatch(r -> r.matches(pkg))).orElse(true);
    }

    /** Doublestar globs: {@code **} crosses directories, {@code *} and {@code ?} do not. */
    static String globToRegex(final String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                re.append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
