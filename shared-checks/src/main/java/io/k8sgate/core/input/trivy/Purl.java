package io.k8sgate.core.input.trivy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A package URL ({@code pkg:type/namespace/name@version?qualifiers#subpath}), compared the way Trivy compares them in
 * ignore files and VEX: type, namespace and name must be equal; version and subpath only when the pattern gives them;
 * every qualifier of the pattern must be present with the same value.
 *
 * @param type       the package type
 * @param namespace  the namespace, empty when none
 * @param name       the name
 * @param version    the version, empty when none
 * @param qualifiers the qualifiers
 * @param subpath    the subpath, empty when none
 */
public record Purl(String type, String namespace, String name, String version, Map<String, String> qualifiers,
        String subpath) {
    public Purl {
        qualifiers = Map.copyOf(qualifiers);
    }

    /** Parses a package URL; empty when the text is not one. */
    public static Optional<Purl> parse(final String text) {
        String s = text.trim();
        if (!s.startsWith("pkg:")) {
            return Optional.empty();
        }
        s = s.substring(4);
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        String subpath = "";
        int hash = s.indexOf('#');
        if (hash >= 0) {
            subpath = s.substring(hash + 1);
            s = s.substring(0, hash);
        }
        Map<String, String> qualifiers = new TreeMap<>();
        int q = s.indexOf('?');
        if (q >= 0) {
            for (String pair : s.substring(q + 1).split("&", -1)) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    qualifiers.put(pair.substring(0, eq).toLowerCase(Locale.ROOT), decode(pair.substring(eq + 1)));
                }
            }
            s = s.substring(0, q);
        }
        String version = "";
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            version = decode(s.substring(at + 1));
            s = s.substring(0, at);
        }
        int slash = s.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String type = s.substring(0, slash).toLowerCase(Locale.ROOT);
        String rest = s.substring(slash + 1);
        int last = rest.lastIndexOf('/');
        String namespace = last < 0 ? "" : decode(rest.substring(0, last));
        String name = decode(last < 0 ? rest : rest.substring(last + 1));
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Purl(type, namespace, name, version, qualifiers, subpath));
    }

    private static String decode(final String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** True when {@code pkg} is a package this pattern names. */
    public boolean matches(final Purl pkg) {
        if (!type.equals(pkg.type) || !namespace.equals(pkg.namespace) || !name.equals(pkg.name)) {
            return false;
        }
        if (!version.isEmpty() && !version.equals(pkg.version)) {
            return false;
        }
        if (!subpath.isEmpty() && !subpath.equals(pkg.subpath)) {
            return false;
        }
        return qualifiers.entrySet().stream().allMatch(e -> e.getValue().equals(pkg.qualifiers.get(e.getKey())));
    }
}
