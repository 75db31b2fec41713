package io.k8sgate.core.model;

import java.util.Objects;

/**
 * Identifies a Kubernetes object (or, for image findings, an image) independently of where it was read.
 *
 * @param kind      the object's kind, for instance {@code Deployment}
 * @param namespace the namespace, empty for cluster-scoped objects or when not set
 * @param name      the object's name
 */
public record ResourceRef(String kind, String namespace, String name) implements Comparable<ResourceRef> {
    public ResourceRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    /** {@code Kind/namespace/name}, or {@code Kind/name} without a namespace. */
    public String display() {
        return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
    }

    @Override
    public int compareTo(final ResourceRef other) {
        // by namespace, then kind, then name; written out because reports sort hundreds of thousands of findings
        int c = namespace.compareTo(other.namespace);
        if (c == 0) {
            c = kind.compareTo(other.kind);
        }
        return c != 0 ? c : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return display();
    }
}
