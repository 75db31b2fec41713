package io.k8sgate.core.input;

import io.k8sgate.core.model.Location;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiConsumer;
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

    /** The JSON type of a value, as Kubernetes reads the YAML (MISSING: the key is absent). */
    public enum JsonType { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL, MISSING }

    /** Mappings with more keys than this are looked up through an index instead of by scanning their keys. */
    private static final int SCANNED_KEYS = 12;
    private static final Object[] NO_ENTRIES = {};

    private final Type type;
    private final @Nullable YamlNode parent;
    private final @Nullable String key;
    private final int index;
    private final String file;
    private final int line;
    private final int column;
    private final @Nullable String scalar;
    /** For a scalar, the JSON type Kubernetes' reader resolves it to (a {@link YamlScalars.Kind}'s ordinal). */
    private final byte kind;
    /*
     * A mapping keeps its keys and values in one array, key then value, in document order: one object per mapping
     * (a large input has hundreds of thousands, and every object is work for the garbage collector). Most mappings
     * of a manifest have a few keys, so a lookup scans them for the same reference (the parser shares key names
     * with the constants checks look up, see KeyNames) before comparing text; large mappings also get an index.
     * Only the parser changes a node, before the tree is handed to the checks (which may read it from several
     * threads).
     */
    private Object[] entries = NO_ENTRIES;
    private int entryCount;
    private @Nullable Map<String, Integer> keyIndex;
    private @Nullable List<YamlNode> items;
    private boolean objectRoot;

    YamlNode(final Type type, final @Nullable YamlNode parent, final @Nullable String key, final int index,
            final Location location, final @Nullable String scalar, final YamlScalars.Kind kind) {
        this(type, parent, key, index, location.file(), location.line(), location.column(), scalar, kind);
    }

    private YamlNode(final Type type, final @Nullable YamlNode parent, final @Nullable String key, final int index,
            final String file, final int line, final int column, final @Nullable String scalar,
            final YamlScalars.Kind kind) {
        this.type = type;
        this.parent = parent;
        this.key = key;
        this.index = index;
        this.file = file;
        this.line = line;
        this.column = column;
        this.scalar = scalar;
        this.kind = (byte) kind.ordinal();
        if (type == Type.SEQUENCE) {
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
        return new Location(file, line, column);
    }

    /** The mapping value under {@code name}, or a missing node. */
    public YamlNode get(final String name) {
        int i = indexOf(name);
        return i >= 0
                ? value(i)
                : new YamlNode(Type.MISSING, this, name, -1, file, line, column, null, YamlScalars.Kind.NULL);
    }

    private int indexOf(final String name) {
        int n = entryCount;
        Map<String, Integer> ix = keyIndex;
        if (ix != null) {
            Integer i = ix.get(name);
            return i == null ? -1 : i;
        }
        Object[] e = entries;
        for (int i = 0; i < n; i++) {
            if (e[2 * i] == name) {
                return i;
            }
        }
        int hash = name.hashCode();
        for (int i = 0; i < n; i++) {
            String key = (String) e[2 * i];
            if (key.hashCode() == hash && key.equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** A missing node below this one, for a value that is not there (it points here, like any missing key). */
    YamlNode missing(final String name) {
        return new YamlNode(Type.MISSING, this, name, -1, file, line, column, null, YamlScalars.Kind.NULL);
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
        return new YamlNode(Type.MISSING, this, null, i, file, line, column, null, YamlScalars.Kind.NULL);
    }

    /** The elements of a sequence; empty for anything else. */
    public List<YamlNode> elements() {
        return items == null ? List.of() : Collections.unmodifiableList(items);
    }

    /** The entries of a mapping in document order (a read-only view); empty for anything else. */
    public Map<String, YamlNode> entries() {
        return entryCount == 0 ? Map.of() : new Entries();
    }

    /** The number of entries or elements. */
    public int size() {
        if (type == Type.MAP) {
            return entryCount;
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
     * The value as a boolean, read as Kubernetes reads it: plain {@code true}, {@code yes}, {@code on}, {@code y} (in
     * the spellings YAML 1.1 allows: lower case, capitalised, upper case) and their negations, and values tagged
     * {@code !!bool}. A quoted {@code "true"} is a string, which a boolean field refuses.
     */
    public Optional<Boolean> bool() {
        return isScalarOf(YamlScalars.Kind.BOOLEAN) ? Optional.of(YamlScalars.bool(scalarText()))
                : Optional.empty();
    }

    /** True only when the value is a boolean true. */
    public boolean isTrue() {
        return bool().orElse(false);
    }

    /**
     * The value as an integer field (int32, int64) of the API decodes it: integers in any spelling Kubernetes' reader
     * accepts ({@code 0x1F}, {@code 0o17}, {@code 017}, {@code 0b1}, {@code 1_000}) and floats that are whole numbers
     * ({@code 0.0}, {@code 1e3}). Empty for strings (a quoted {@code "0"} is refused by an integer field) and for
     * numbers an integer field refuses ({@code 0.5}, {@code 1e21}).
     */
    public OptionalLong number() {
        return type == Type.SCALAR ? YamlScalars.int64(valueKind(), scalarText()) : OptionalLong.empty();
    }

    /** The JSON type the value becomes when Kubernetes reads it. */
    public JsonType jsonType() {
        switch (type) {
            case MAP:
                return JsonType.OBJECT;
            case SEQUENCE:
                return JsonType.ARRAY;
            case NULL:
                return JsonType.NULL;
            case MISSING:
                return JsonType.MISSING;
            default:
                switch (valueKind()) {
                    case BOOLEAN:
                        return JsonType.BOOLEAN;
                    case INTEGER:
                    case FLOAT:
                        return JsonType.NUMBER;
                    default:
                        return JsonType.STRING;
                }
        }
    }

    /** True for a scalar that Kubernetes reads as a string (quoted, tagged {@code !!str}, or plain text). */
    public boolean isString() {
        return isScalarOf(YamlScalars.Kind.STRING);
    }

    private boolean isScalarOf(final YamlScalars.Kind wanted) {
        return type == Type.SCALAR && kind == wanted.ordinal();
    }

    private YamlScalars.Kind valueKind() {
        return YamlScalars.Kind.values()[kind];
    }

    private String scalarText() {
        return scalar == null ? "" : scalar;
    }

    /** The mapping values or sequence elements, for walking a tree. */
    public List<YamlNode> children() {
        if (type == Type.MAP) {
            YamlNode[] values = new YamlNode[entryCount];
            for (int i = 0; i < entryCount; i++) {
                values[i] = value(i);
            }
            return List.of(values);
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
        switch (valueKind()) {
            case BOOLEAN:
                return YamlScalars.bool(scalarText());
            case INTEGER:
            case FLOAT:
                return YamlScalars.number(valueKind(), scalarText());
            default:
                return scalar;
        }
    }

    /** Sets the value of a key: a key already present keeps its place and takes the new value. */
    void put(final String name, final YamlNode value) {
        if (type != Type.MAP) {
            return;
        }
        int present = indexOf(name);
        if (present >= 0) {
            entries[2 * present + 1] = value;
            return;
        }
        if (2 * entryCount == entries.length) {
            entries = Arrays.copyOf(entries, Math.max(8, entryCount * 4));
        }
        entries[2 * entryCount] = name;
        entries[2 * entryCount + 1] = value;
        if (keyIndex != null) {
            keyIndex.put(name, entryCount);
        } else if (entryCount == SCANNED_KEYS) {
            Map<String, Integer> ix = new HashMap<>();
            for (int i = 0; i <= entryCount; i++) {
                ix.put(key(i), i);
            }
            keyIndex = ix;
        }
        entryCount++;
    }

    private String key(final int i) {
        return (String) entries[2 * i];
    }

    private YamlNode value(final int i) {
        return (YamlNode) entries[2 * i + 1];
    }

    boolean containsKey(final String name) {
        return indexOf(name) >= 0;
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
        YamlNode copy = new YamlNode(type, newParent, newKey, newIndex, at, scalar, valueKind());
        for (int i = 0; i < entryCount; i++) {
            YamlNode v = value(i);
            copy.put(key(i), v.copyUnder(copy, key(i), -1, v.location()));
        }
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                copy.add(items.get(i).copyUnder(copy, null, i, items.get(i).location()));
            }
        }
        return copy;
    }

    /** Counts this node and everything below it. */
    long weight() {
        long total = 1;
        for (int i = 0; i < entryCount; i++) {
            total += value(i).weight();
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
        return type + "@" + location() + (scalar != null ? "=" + scalar : "");
    }

    /** The read-only, ordered view {@link #entries()} returns. */
    private final class Entries extends AbstractMap<String, YamlNode> {
        @Override
        public int size() {
            return entryCount;
        }

        @Override
        public @Nullable YamlNode get(final @Nullable Object name) {
            if (!(name instanceof String s)) {
                return null;
            }
            int i = indexOf(s);
            return i >= 0 ? value(i) : null;
        }

        @Override
        public boolean containsKey(final @Nullable Object name) {
            return name instanceof String s && indexOf(s) >= 0;
        }

        @Override
        public void forEach(final BiConsumer<? super String, ? super YamlNode> action) {
            for (int i = 0; i < entryCount; i++) {
                action.accept(key(i), value(i));
            }
        }

        @Override
        public Set<Map.Entry<String, YamlNode>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return entryCount;
                }

                @Override
                public Iterator<Map.Entry<String, YamlNode>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < entryCount;
                        }

                        @Override
                        public Map.Entry<String, YamlNode> next() {
                            if (next >= entryCount) {
                                throw new NoSuchElementException();
                            }
                            Map.Entry<String, YamlNode> e = new SimpleImmutableEntry<>(key(next), value(next));
                            next++;
                            return e;
                        }
                    };
                }
            };
        }
    }
}
