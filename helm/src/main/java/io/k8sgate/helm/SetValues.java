package io.k8sgate.helm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@code --set} assignments, read with Helm's syntax ({@code a.b=c}, {@code a[0].b=c}, {@code a=x\,y},
 * {@code a={x,y}}, several assignments in one string separated by commas) and handed to Helm's library so that the
 * result is what {@code helm template --set} gives.
 *
 * <p>The library takes {@code --set} values as an unordered map that keeps one value per key and escapes every
 * value, so three things are done here. Each assignment is split out and its value unescaped (the library escapes it
 * again, and Helm's parser then types it as the command line would: {@code true}, {@code null}, integers). Of two
 * assignments to the same key, or where one key lies inside the other ({@code a} and {@code a.b}), only the later
 * one is kept, which is what applying them in order gives. A list literal ({@code {x,y}}), which the library's
 * escaping would turn into a string, is written to a values file applied after the user's values files and before
 * the scalar assignments; there its numbers are JSON numbers (Helm reads those as floating point, as it does in any
 * values file), and it replaces a list from a values file as a whole.
 */
final class SetValues {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Assignment> assignments;

    private SetValues(final List<Assignment> assignments) {
        this.assignments = List.copyOf(assignments);
    }

    /**
     * Reads the assignments in order.
     *
     * @throws IllegalArgumentException when one cannot be read as Helm would; the message names it
     */
    static SetValues parse(final List<String> setValues) {
        List<Assignment> kept = new ArrayList<>();
        for (String text : setValues) {
            for (Assignment next : new Reader(text).assignments()) {
                kept.removeIf(earlier -> overlaps(earlier.path(), next.path()));
                kept.add(next);
            }
        }
        return new SetValues(kept);
    }

    /** The scalar assignments, URL-encoded as the library expects, or empty when there are none. */
    Optional<String> scalarQuery() {
        String query = assignments.stream().filter(a -> a.list() == null)
                .map(a -> encode(a.key()) + "=" + encode(a.scalar()))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? Optional.empty() : Optional.of(query);
    }

    /** The list assignments as a values document (JSON, which is YAML), or empty when there are none. */
    Optional<String> listValues() {
        Map<String, Object> root = new LinkedHashMap<>();
        boolean any = false;
        for (Assignment assignment : assignments) {
            if (assignment.list() != null) {
                put(root, assignment.path(), assignment.list().stream().map(SetValues::typed).toList());
                any = true;
            }
        }
        if (!any) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write --set lists as JSON", e);
        }
    }

    /** Helm's typing of an unquoted {@code --set} value: booleans, null, integers without a leading zero. */
    static @Nullable Object typed(final String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("null")) {
            return null;
        }
        if (value.equals("0")) {
            return 0L;
        }
        if (!value.isEmpty() && value.charAt(0) != '0') {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return value;
    }

    private static boolean overlaps(final List<Object> a, final List<Object> b) {
        int common = Math.min(a.size(), b.size());
        return a.subList(0, common).equals(b.subList(0, common));
    }

    @SuppressWarnings("unchecked") // the tree is built here from maps and lists only
    private static void put(final Map<String, Object> root, final List<Object> path, final Object value) {
        Object container = root;
        for (int i = 0; i < path.size(); i++) {
            Object segment = path.get(i);
            boolean last = i == path.size() - 1;
            Object next = last ? value : path.get(i + 1) instanceof Integer ? new ArrayList<>()
                    : new LinkedHashMap<String, Object>();
            if (container instanceof Map<?, ?> map && segment instanceof String name) {
                Map<String, Object> m = (Map<String, Object>) map;
                Object existing = m.get(name);
                if (last || existing == null || existing instanceof List != next instanceof List) {
                    m.put(name, next);
                } else {
                    next = existing;
                }
            } else if (container instanceof List<?> list && segment instanceof Integer index) {
                List<Object> l = (List<Object>) list;
                while (l.size() <= index) {
                    l.add(null);
                }
                Object existing = l.get(index);
                if (last || existing == null || existing instanceof List != next instanceof List) {
                    l.set(index, next);
                } else {
                    next = existing;
                }
            }
            container = next;
        }
    }

    private static String encode(final String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * One assignment.
     *
     * @param key    the key as written (escapes kept: Helm's parser reads it again)
     * @param path   the key's segments: names (unescaped) and list indexes
     * @param scalar the unescaped value of a scalar assignment, empty for a list
     * @param list   the unescaped items of a list assignment, null for a scalar
     */
    private record Assignment(String key, List<Object> path, String scalar, @Nullable List<String> list) {
    }

    /** Reads one {@code --set} string the way Helm's {@code strvals} parser does. */
    private static final class Reader {
        private static final int MAX_INDEX = 65_536;
        private final String text;
        private int pos;

        Reader(final String text) {
            this.text = text;
        }

        List<Assignment> assignments() {
            List<Assignment> result = new ArrayList<>();
            while (pos < text.length()) {
                int keyStart = pos;
                skipUntil("=,");
                if (pos >= text.length() || text.charAt(pos) == ',') {
                    throw new IllegalArgumentException(
                            "--set " + text + ": key \"" + text.substring(keyStart, pos) + "\" has no value");
                }
                String key = text.substring(keyStart, pos);
                pos++;
                List<Object> path = path(key);
                if (pos < text.length() && text.charAt(pos) == '{') {
                    pos++;
                    List<String> items = new ArrayList<>();
                    while (true) {
                        if (pos >= text.length()) {
                            throw new IllegalArgumentException("--set " + text + ": list for " + key
                                    + " is not closed");
                        }
                        if (text.charAt(pos) == '}') {
                            pos++;
                            break;
                        }
                        items.add(unescapedUntil(",}"));
                        if (pos < text.length() && text.charAt(pos) == ',') {
                            pos++;
                        }
                    }
                    if (pos < text.length() && text.charAt(pos) != ',') {
                        throw new IllegalArgumentException("--set " + text + ": unexpected '" + text.charAt(pos)
                                + "' after the list for " + key);
                    }
                    result.add(new Assignment(key, path, "", items));
                } else {
                    result.add(new Assignment(key, path, unescapedUntil(","), null));
                }
                if (pos < text.length()) {
                    pos++; // the comma between assignments
                }
            }
            return result;
        }

        /** Moves to the next unescaped character of {@code stops} (or the end). */
        private void skipUntil(final String stops) {
            while (pos < text.length() && stops.indexOf(text.charAt(pos)) < 0) {
                pos += text.charAt(pos) == '\\' ? 2 : 1;
            }
            pos = Math.min(pos, text.length());
        }

        private String unescapedUntil(final String stops) {
            StringBuilder value = new StringBuilder();
            while (pos < text.length() && stops.indexOf(text.charAt(pos)) < 0) {
                char c = text.charAt(pos);
                if (c == '\\' && pos + 1 < text.length()) {
                    value.append(text.charAt(pos + 1));
                    pos += 2;
                } else {
                    value.append(c);
                    pos++;
                }
            }
            return value.toString();
        }

        /** The segments of a key: {@code a.b\.c[2].d} is {@code [a, b.c, 2, d]}. */
        private List<Object> path(final String key) {
            List<Object> path = new ArrayList<>();
            StringBuilder name = new StringBuilder();
            int i = 0;
            while (i < key.length()) {
                char c = key.charAt(i);
                if (c == '\\' && i + 1 < key.length()) {
                    name.append(key.charAt(i + 1));
                    i += 2;
                } else if (c == '.') {
                    flush(path, name);
                    i++;
                } else if (c == '[') {
                    flush(path, name);
                    int close = key.indexOf(']', i);
                    if (close < 0) {
                        throw new IllegalArgumentException("--set " + text + ": index in " + key + " is not closed");
                    }
                    int index = index(key, key.substring(i + 1, close));
                    path.add(index);
                    i = close + 1;
                } else {
                    name.append(c);
                    i++;
                }
            }
            flush(path, name);
            return path;
        }

        private int index(final String key, final String digits) {
            try {
                int index = Integer.parseInt(digits.trim());
                if (index < 0 || index > MAX_INDEX) {
                    throw new IllegalArgumentException(
                            "--set " + text + ": index " + index + " in " + key + " is out of range");
                }
                return index;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--set " + text + ": index in " + key + " is not a number", e);
            }
        }

        private static void flush(final List<Object> path, final StringBuilder name) {
            if (name.length() > 0) {
                path.add(name.toString());
                name.setLength(0);
            }
        }
    }
}
