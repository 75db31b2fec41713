package io.k8sgate.core.input;

import io.k8sgate.core.model.Location;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A node of a YAML (or JSON) document that remembers where it was written and how to reach it from its object.
 *
 * <p>Lookups never return null: a missing key yields a node of type {@link Type#MISSING} that still knows its path
 * and points to the nearest existing ancestor, so a check can report "field X is not set" at a useful line.
 */
public final class YamlNode {
    /** The shape of a node. */
    public enum Type { MAP, SEQUENCE, SCALAR, NULL, MISSING }

    private final Type type;
    private final @Nullable YamlNode parent;
    private final @Nullable String key;
    private final int index;
    private final Location location;
    private final @Nullable String scalar;
    private final boolean plain;
    private @Nullable Map<String, YamlNode> entries;
    private @Nullable List<YamlNode> items;
    private boolean objectRoot;

    YamlNode(final Type type, final @Nullable YamlNode parent, final @Nullable String key, final int index,
            final Location location, final @Nullable String scalar, final boolean plain) {
        this.type = type;
        this.parent = parent;
        this.key = key;
        this.index = index;
        this.location = location;
        this.scalar = scalar;
        this.plain = plain;
        if (type == Type.MAP) {
            entries = new LinkedHashMap<>();
        } else if (type == Type.SEQUENCE) {
            items = new ArrayList<>();
        }
    }

    /** The node's shape. */
    public Type type() {
        return type;
    }

    /** True for a mapping. */
    public boolean isMap() {
        return type == Type.MAP;
    }

    /** True for a sequence. */
    public boolean isSequence() {
        return type == Type.SEQUENCE;
    }

    /** True for a scalar value (not null). */
    public boolean isScalar() {
        return type == Type.SCALAR;
    }

    /** True when the key was not present. */
    public boolean isMissing() {
        return type == Type.MISSING;
    }

    /** True when the node is absent or an explicit null: Kubernetes treats both as "unset". */
    public boolean isUnset() {
        return type == Type.MISSING || type == Type.NULL;
    }

    /** True when the node is present with a value. */
    public boolean isPresent() {
        return !isUnset();
    }

    /**
     * Where the node is: for a mapping value, the line of its key (so a finding points at {@code privileged: true},
     * not at the next line); for a missing node, the nearest existing ancestor.
     */
    public Location location() {
        return location;
    }

    /** The mapping value under {@code name}, or a missing node. */
    public YamlNode get(final String name) {
        if (entries != null) {
            YamlNode value = entries.get(name);
            if (value != null) {
                return value;
            }
        }
        return new YamlNode(Type.MISSING, this, name, -1, location, null, false);
    }

    /** Follows a chain of mapping keys. */
    public YamlNode path(final String... names) {
        YamlNode node = this;
        for (String name : names) {
            node = node.get(name);
        }
        return node;
    }

    /** The sequence element at {@code i}, or a missing node. */
    public YamlNode at(final int i) {
        if (items != null && i >= 0 && i < items.size()) {
            return items.get(i);
        }
        return new YamlNode(Type.MISSING, this, null, i, location, null, false);
    }

    /** The elements of a sequence; empty for anything else. */
    public List<YamlNode> elements() {
        return items == null ? List.of() : Collections.unmodifiableList(items);
    }

    /** The entries of a mapping in document order; empty for anything else. */
    public Map<String, YamlNode> entries() {
        return entries == null ? Map.of() : Collections.unmodifiableMap(entries);
    }

    /** The number of entries or elements. */
    public int size() {
        if (entries != null) {
            return entries.size();
        }
        return items == null ? 0 : items.size();
    }

    /** The scalar's text, if this is a scalar. */
    public Optional<String> text() {
        return type == Type.SCALAR ? Optional.ofNullable(scalar) : Optional.empty();
    }

    /** The scalar's text, or {@code fallback}. */
    public String text(final String fallback) {
        return type == Type.SCALAR && scalar != null ? scalar : fallback;
    }

    /**
     * The value as a boolean. Plain scalars follow the YAML 1.1 rules that Kubernetes' YAML reader applies
     * ({@code true/false/yes/no/on/off}); a quoted {@code "true"} is a string, not a boolean.
     */
    public Optional<Boolean> bool() {
        if (type != Type.SCALAR || scalar == null || !plain) {
            return Optional.empty();
        }
        switch (scalar.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "y":
                return Optional.of(Boolean.TRUE);
            case "false", "no", "off", "n":
                return Optional.of(Boolean.FALSE);
            default:
                return Optional.empty();
        }
    }

    /** True only when the value is a boolean true. */
    public boolean isTrue() {
        return bool().orElse(false);
    }

    /** The value as a whole number, if it is one (quoted numbers count, as Kubernetes converts them). */
    public OptionalLong number() {
        if (type != Type.SCALAR || scalar == null) {
            return OptionalLong.empty();
        }
        String s = scalar.trim();
        if (s.isEmpty() || s.length() > 19) {
            return OptionalLong.empty();
        }
        int start = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (start == s.length()) {
            return OptionalLong.empty();
        }
        for (int i = start; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(Long.parseLong(s));
    }

    /** True when the scalar was written without quotes. */
    public boolean isPlain() {
        return plain;
    }

    /** The mapping values or sequence elements, for walking a tree. */
    public List<YamlNode> children() {
        if (entries != null) {
            return List.copyOf(entries.values());
        }
        return elements();
    }

    /**
     * The path from the enclosing Kubernetes object to this node, such as
     * {@code spec.template.spec.containers[0].image}. Keys with dots or brackets are quoted:
     * {@code metadata.annotations["a.b/c"]}.
     */
    public String fieldPath() {
        List<String> parts = new ArrayList<>();
        YamlNode node = this;
        while (node != null && !node.objectRoot) {
            if (node.key != null) {
                parts.add(needsQuoting(node.key) ? "[\"" + node.key + "\"]" : "." + node.key);
            } else if (node.index >= 0) {
                parts.add("[" + node.index + "]");
            }
            node = node.parent;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = parts.size() - 1; i >= 0; i--) {
            sb.append(parts.get(i));
        }
        return sb.length() > 0 && sb.charAt(0) == '.' ? sb.substring(1) : sb.toString();
    }

    private static boolean needsQuoting(final String name) {
        if (name.isEmpty()) {
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                return true;
            }
        }
        return false;
    }

    /** The parent node, if any. */
    public Optional<YamlNode> parent() {
        return Optional.ofNullable(parent);
    }

    /** The converted value as plain Java (maps, lists, strings, booleans, longs, doubles, nulls). */
    public @Nullable Object toJava() {
        switch (type) {
            case MAP: {
                Map<String, @Nullable Object> map = new LinkedHashMap<>();
                entries().forEach((k, v) -> map.put(k, v.toJava()));
                return map;
            }
            case SEQUENCE: {
                List<@Nullable Object> list = new ArrayList<>();
                elements().forEach(e -> list.add(e.toJava()));
                return list;
            }
            case SCALAR:
                return scalarValue();
            default:
                return null;
        }
    }

    private @Nullable Object scalarValue() {
        if (!plain || scalar == null) {
            return scalar;
        }
        if ("true".equals(scalar) || "false".equals(scalar)) {
            return Boolean.valueOf(scalar);
        }
        OptionalLong n = number();
        if (n.isPresent()) {
            return n.getAsLong();
        }
        if (scalar.matches("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?")) {
            return Double.valueOf(scalar);
        }
        return scalar;
    }

    void put(final String name, final YamlNode value) {
        if (entries != null) {
            entries.put(name, value);
        }
    }

    boolean containsKey(final String name) {
        return entries != null && entries.containsKey(name);
    }

    void add(final YamlNode value) {
        if (items != null) {
            items.add(value);
        }
    }

    void markObjectRoot() {
        objectRoot = true;
    }

    /**
     * A copy of this node's subtree placed under another parent (used when an alias or a merge key repeats a node,
     * so that paths and locations stay those of the place where it is used).
     */
    YamlNode copyUnder(final @Nullable YamlNode newParent, final @Nullable String newKey, final int newIndex,
            final Location at) {
        YamlNode copy = new YamlNode(type, newParent, newKey, newIndex, at, scalar, plain);
        if (entries != null) {
            entries.forEach((k, v) -> copy.put(k, v.copyUnder(copy, k, -1, v.location)));
        }
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                copy.add(items.get(i).copyUnder(copy, null, i, items.get(i).location));
            }
        }
        return copy;
    }

    /** Counts this node and everything below it. */
    long weight() {
        long total = 1;
        if (entries != null) {
            for (YamlNode v : entries.values()) {
                total += v.weight();
            }
        }
        if (items != null) {
            for (YamlNode v : items) {
                total += v.weight();
            }
        }
        return total;
    }

    @Override
    public String toString() {
        return type + "@" + location + (scalar != null ? "=" + scalar : "");
    }
}
