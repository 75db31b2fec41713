package io.k8sgate.core.cel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A URL as Kubernetes' CEL URL library reads it (Go's {@code url.ParseRequestURI}): an absolute URI with a scheme,
 * or an absolute path; the fragment is not split off.
 */
final class KubeUrl {
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
    private static final String PATH_SAFE = "-._~!$&'()*+,;=:@/";

    private final String scheme;
    private final String host;
    private final String rawPath;
    private final String rawQuery;

    private KubeUrl(final String scheme, final String host, final String rawPath, final String rawQuery) {
        this.scheme = scheme;
        this.host = host;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
    }

    /** The URL, or empty with the reason in {@code error}. */
    static Optional<KubeUrl> parse(final String text, final StringBuilder error) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                error.append("net/url: invalid control character in URL");
                return Optional.empty();
            }
        }
        String rest = text;
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String scheme = "";
        int colon = rest.indexOf(':');
        if (!rest.startsWith("/")) {
            if (colon <= 0 || !SCHEME.matcher(rest.substring(0, colon)).matches()) {
                error.append("parse \"").append(text).append("\": invalid URI for request");
                return Optional.empty();
            }
            scheme = rest.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
            rest = rest.substring(colon + 1);
        }
        String host = "";
        if (rest.startsWith("//")) {
            int end = rest.indexOf('/', 2);
            host = end < 0 ? rest.substring(2) : rest.substring(2, end);
            rest = end < 0 ? "" : rest.substring(end);
            int at = host.lastIndexOf('@');
            host = at >= 0 ? host.substring(at + 1) : host;
            if (!validHost(host, error)) {
                return Optional.empty();
            }
        } else if (!scheme.isEmpty() && !rest.startsWith("/")) {
            // an opaque URI such as mailto:someone: no host and no path to escape
            return Optional.of(new KubeUrl(scheme, "", "", query));
        }
        return Optional.of(new KubeUrl(scheme, host, rest, query));
    }

    private static boolean validHost(final String host, final StringBuilder error) {
        String port = "";
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                error.append("missing ']' in host");
                return false;
            }
            port = host.substring(close + 1);
        } else if (host.indexOf(':') >= 0) {
            port = host.substring(host.indexOf(':'));
        }
        if (!port.isEmpty() && !(port.startsWith(":") && port.substring(1).chars().allMatch(Character::isDigit))) {
            error.append("invalid port \"").append(port).append("\" after host");
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == ' ' || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '\\'
                    || c == '^' || c == '`') {
                error.append("invalid character \"").append(c).append("\" in host name");
                return false;
            }
        }
        return true;
    }

    String scheme() {
        return scheme;
    }

    /** The host with its port, as written. */
    String host() {
        return host;
    }

    /** The host without its port, and without the brackets of an IPv6 literal. */
    String hostname() {
        if (host.startsWith("[")) {
            return host.substring(1, host.indexOf(']'));
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** The port, empty when none is written. */
    String port() {
        int from = host.startsWith("[") ? host.indexOf(']') + 1 : 0;
        int colon = host.indexOf(':', from);
        return colon < 0 ? "" : host.substring(colon + 1);
    }

    /** The path with every character that a path may not hold percent-encoded. */
    String escapedPath() {
        StringBuilder sb = new StringBuilder();
        byte[] bytes = rawPath.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean escape = b == '%' && isHex(bytes, i + 1) && isHex(bytes, i + 2);
            if (b < 0x80 && (Character.isLetterOrDigit(b) || PATH_SAFE.indexOf(b) >= 0 || escape)) {
                sb.append((char) b);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static boolean isHex(final byte[] bytes, final int i) {
        return i < bytes.length && Character.digit(bytes[i], 16) >= 0;
    }

    /** The query's parameters, decoded, in order; pairs that cannot be decoded are left out. */
    Map<String, List<String>> query() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty() || pair.indexOf(';') >= 0) {
                continue;
            }
            int eq = pair.indexOf('=');
            Optional<String> key = decode(eq < 0 ? pair : pair.substring(0, eq));
            Optional<String> value = decode(eq < 0 ? "" : pair.substring(eq + 1));
            if (key.isPresent() && value.isPresent()) {
                out.computeIfAbsent(key.get(), k -> new ArrayList<>()).add(value.get());
            }
        }
        return out;
    }

    private static Optional<String> decode(final String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%') {
                if (!isHex(bytes, i + 1) || !isHex(bytes, i + 2)) {
                    return Optional.empty();
                }
                out.write(Character.digit(bytes[i + 1], 16) << 4 | Character.digit(bytes[i + 2], 16));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return Optional.of(out.toString(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof KubeUrl u && scheme.equals(u.scheme) && host.equals(u.host)
                && rawPath.equals(u.rawPath) && rawQuery.equals(u.rawQuery);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(scheme, host, rawPath, rawQuery);
    }
}
