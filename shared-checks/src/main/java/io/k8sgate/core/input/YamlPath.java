package io.k8sgate.core.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The small path language of {@link PodLocation}: {@code a.b}, {@code a[]} (every element), {@code *} (every mapping
 * value), {@code ..} (the enclosing mapping) and {@code .} (the node itself).
 */
final class YamlPath {
    private static final Pattern SEGMENT = Pattern.compile("\\.\\.|\\*|[A-Za-z0-9_$-]+(\\[])?");
    /** Paths come from the kinds table and the policy, a few hundred at most: each is split once. */
    private static final Map<String, String[]> SEGMENTS = new ConcurrentHashMap<>();

    private YamlPath() {
    }

    /** True when {@code path} is written in the path language. */
    static boolean isValid(final String path) {
        if (".".equals(path)) {
            return true;
        }
        for (String segment : segments(path)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return !path.isEmpty();
    }

    /** Every node {@code path} reaches from {@code from} that is present, in document order. */
    static List<YamlNode> select(final YamlNode from, final String path) {
        List<YamlNode> current = List.of(from);
        if (".".equals(path) || path.isEmpty()) {
            return current;
        }
        for (String segment : segments(path)) {
            List<YamlNode> next = new ArrayList<>();
            for (YamlNode node : current) {
                step(node, segment, next);
            }
            current = next;
        }
        return current.stream().filter(YamlNode::isPresent).toList();
    }

    /**
     * The first node {@code path} reaches, present or not: for a path that reaches nothing, the missing node where
     * it would be (so that a finding about it points at the nearest existing parent).
     */
    static YamlNode first(final YamlNode from, final String path) {
        YamlNode node = from;
        if (".".equals(path) || path.isEmpty()) {
            return node;
        }
        for (String segment : segments(path)) {
            List<YamlNode> next = new ArrayList<>();
            step(node, segment, next);
            if (next.isEmpty()) {
                return node.missing(path);
            }
            node = next.get(0);
        }
        return node;
    }

    private static void step(final YamlNode node, final String segment, final List<YamlNode> next) {
        if ("..".equals(segment)) {
            YamlNode up = node.parent().orElse(null);
            while (up != null && up.isSequence()) {
                up = up.parent().orElse(null);
            }
            if (up != null) {
                next.add(up);
            }
        } else if ("*".equals(segment)) {
            next.addAll(node.children());
        } else if (segment.endsWith("[]")) {
            next.addAll(node.get(segment.substring(0, segment.length() - 2)).elements());
        } else {
            next.add(node.get(segment));
        }
    }

    private static String[] segments(final String path) {
        return SEGMENTS.computeIfAbsent(path, YamlPath::split);
    }

    private static String[] split(final String path) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < path.length()) {
            if (path.startsWith("..", i) && i == start) {
                parts.add("..");
                i += 2;
                if (i < path.length() && path.charAt(i) == '/') {
                    i++;
                }
                start = i;
                continue;
            }
            if (path.charAt(i) == '.' || path.charAt(i) == '/') {
                parts.add(path.substring(start, i));
                start = i + 1;
            }
            i++;
        }
        if (start < path.length()) {
            parts.add(path.substring(start));
        }
        return parts.toArray(String[]::new);
    }
}
