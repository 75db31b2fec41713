package io.k8sgate.core.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A field path as findings write it ({@code spec.template.spec.containers[0].securityContext["a.b/c"]}), split into
 * keys and list indexes, and looked up in other trees: the base document an object came from, or a patch. List items
 * are matched by their merge key where the item has one (the name of a container, volume or environment
 * variable, the number of a port, the path of a mount), by position otherwise, because a patch or a base lists them
 * in its own order.
 */
final class FieldPath {
    /** One step: a key, or a list index (key null). */
    record Segment(@Nullable String key, int index) {
        /** The key of a mapping segment. */
        String name() {
            return Objects.requireNonNull(key, "an index segment has no key");
        }

        boolean isIndex() {
            return key == null;
        }
    }

    /**
     * The keys that identify an item of the lists of a pod spec when strategic merge patches are applied: names
     * (containers, volumes, environment variables), ports by number, mounts by path.
     */
    private static final List<String> MERGE_KEYS = List.of("name", "containerPort", "mountPath", "devicePath", "ip",
            "port");

    private FieldPath() {
    }

    /** The segments of a field path; an unreadable rest is dropped. */
    static List<Segment> parse(final String path) {
        List<Segment> out = new ArrayList<>();
        int i = 0;
        int n = path.length();
        while (i < n) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '[') {
                if (i + 1 < n && path.charAt(i + 1) == '"') {
                    int end = path.indexOf("\"]", i + 2);
                    if (end < 0) {
                        break;
                    }
                    out.add(new Segment(path.substring(i + 2, end), -1));
                    i = end + 2;
                } else {
                    int end = path.indexOf(']', i);
                    if (end < 0) {
                        break;
                    }
                    String inside = path.substring(i + 1, end);
                    int eq = inside.indexOf('=');
                    try {
                        out.add(eq >= 0 ? new Segment(null, -1) : new Segment(null, Integer.parseInt(inside.trim())));
                    } catch (NumberFormatException e) {
                        break;
                    }
                    i = end + 1;
                }
            } else {
                int end = i;
                while (end < n && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                out.add(new Segment(path.substring(i, end), -1));
                i = end;
            }
        }
        return out;
    }

    /** The segments of a JSON pointer ({@code /spec/containers/0/image}); {@code -} (append) becomes index -1. */
    static List<Segment> pointer(final String pointer) {
        List<Segment> out = new ArrayList<>();
        for (String raw : pointer.split("/", -1)) {
            if (raw.isEmpty() && out.isEmpty()) {
                continue;
            }
            String part = raw.replace("~1", "/").replace("~0", "~");
            if ("-".equals(part)) {
                out.add(new Segment(null, -1));
            } else if (!part.isEmpty() && part.chars().allMatch(Character::isDigit)) {
                out.add(new Segment(null, Integer.parseInt(part)));
            } else {
                out.add(new Segment(part, -1));
            }
        }
        return out;
    }

    /**
     * The deepest node of {@code tree} along {@code path}, following {@code rendered} (the object the path belongs
     * to) to match list items by name.
     *
     * @return the node and how many segments it matched; empty when not even the first segment exists
     */
    static Optional<Match> deepest(final YamlNode tree, final YamlNode rendered, final List<Segment> path) {
        YamlNode node = tree;
        YamlNode renderedNode = rendered;
        int matched = 0;
        for (Segment s : path) {
            YamlNode next;
            YamlNode renderedNext;
            if (s.isIndex()) {
                if (!node.isSequence()) {
                    break;
                }
                renderedNext = renderedNode.isSequence() && s.index() >= 0 && s.index() < renderedNode.size()
                        ? renderedNode.at(s.index()) : missing(renderedNode);
                next = item(node, renderedNext, s.index());
            } else {
                next = node.get(s.name());
                renderedNext = renderedNode.get(s.name());
            }
            if (!next.isPresent()) {
                break;
            }
            node = next;
            renderedNode = renderedNext;
            matched++;
        }
        return matched == 0 ? Optional.empty() : Optional.of(new Match(node, matched));
    }

    /** A node and the number of path segments it matched. */
    record Match(YamlNode node, int depth) {
    }

    private static YamlNode item(final YamlNode list, final YamlNode renderedItem, final int index) {
        for (String key : MERGE_KEYS) {
            Optional<String> value = renderedItem.get(key).text();
            if (value.isPresent()) {
                for (YamlNode candidate : list.elements()) {
                    if (candidate.get(key).text().equals(value)) {
                        return candidate;
                    }
                }
                return missing(list);
            }
        }
        return index >= 0 && index < list.size() ? list.at(index) : missing(list);
    }

    private static YamlNode missing(final YamlNode node) {
        return node.get("\u0000"); // a missing node: no key of a manifest is a NUL character
    }

    /** True when {@code prefix} leads to {@code path} or is it ({@code -} and out-of-range indexes match any). */
    static boolean isPrefix(final List<Segment> prefix, final List<Segment> path) {
        if (prefix.size() > path.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            Segment a = prefix.get(i);
            Segment b = path.get(i);
            if (a.isIndex() != b.isIndex()) {
                return false;
            }
            if (a.isIndex() ? a.index() >= 0 && b.index() >= 0 && a.index() != b.index() : !a.name().equals(b.name())) {
                return false;
            }
        }
        return true;
    }
}
