package io.k8sgate.core.cel;

import dev.cel.common.values.NullValue;
import io.k8sgate.core.input.WorkloadKinds;
import io.k8sgate.core.input.YamlNode;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Manifests as CEL values: a mapping is a read-only map view and a sequence a list view over the manifest tree,
 * converted as the expression reads them (an expression reads a few fields of a large object), and scalars are typed
 * as the YAML reader types them. A field set to null is absent, as in the object the API server decodes (a typed
 * object has no null fields), so {@code has()} is false for it.
 */
final class NodeValues {
    private NodeValues() {
    }

    /** The CEL value of a node; a missing node is {@code null}. */
    static Object of(final YamlNode node) {
        switch (node.type()) {
            case MAP:
                return new NodeMap(node);
            case SEQUENCE:
                return new NodeList(node);
            case SCALAR:
                Object value = node.toJava();
                return value == null ? NullValue.NULL_VALUE : value;
            default:
                return NullValue.NULL_VALUE;
        }
    }

    /** An object of the manifests, whose pods the helpers find with {@code kinds}. */
    static Object object(final YamlNode node, final WorkloadKinds kinds) {
        return node.isMap() ? new NodeMap(node, kinds) : of(node);
    }

    /** The table of pod-running kinds an object view was made with, if it is an object's view. */
    static @Nullable WorkloadKinds kinds(final Object value) {
        return value instanceof NodeMap map ? map.kinds : null;
    }

    /** The node behind a value, when the value is a view of the manifest tree. */
    static @Nullable YamlNode node(final Object value) {
        if (value instanceof NodeMap map) {
            return map.node;
        }
        return value instanceof NodeList list ? list.node : null;
    }

    /** A mapping of the manifest tree as a CEL map. */
    static final class NodeMap extends AbstractMap<String, Object> {
        private final YamlNode node;
        private final @Nullable WorkloadKinds kinds;

        NodeMap(final YamlNode node) {
            this(node, null);
        }

        NodeMap(final YamlNode node, final @Nullable WorkloadKinds kinds) {
            this.node = node;
            this.kinds = kinds;
        }

        @Override
        public @Nullable Object get(final @Nullable Object key) {
            if (!(key instanceof String name)) {
                return null;
            }
            YamlNode value = node.get(name);
            return value.isUnset() ? null : of(value);
        }

        @Override
        public boolean containsKey(final @Nullable Object key) {
            return key instanceof String name && node.get(name).isPresent();
        }

        @Override
        public int size() {
            int present = 0;
            for (YamlNode value : node.children()) {
                present += value.isPresent() ? 1 : 0;
            }
            return present;
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            List<Map.Entry<String, Object>> present = new ArrayList<>();
            node.entries().forEach((k, v) -> {
                if (v.isPresent()) {
                    present.add(new SimpleImmutableEntry<>(k, of(v)));
                }
            });
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return present.size();
                }

                @Override
                public Iterator<Map.Entry<String, Object>> iterator() {
                    return present.iterator();
                }
            };
        }
    }

    /** A sequence of the manifest tree as a CEL list. */
    static final class NodeList extends AbstractList<Object> {
        private final YamlNode node;
        private final List<YamlNode> elements;

        NodeList(final YamlNode node) {
            this.node = node;
            this.elements = node.elements();
        }

        @Override
        public Object get(final int index) {
            return of(elements.get(index));
        }

        @Override
        public int size() {
            return elements.size();
        }
    }
}
