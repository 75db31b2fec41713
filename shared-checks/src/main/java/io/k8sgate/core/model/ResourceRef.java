package io.k8sgate.core.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * Identifies a Kubernetes object (or, for image findings, an image) independently of where it was read.
 *
 * @param kind      the object's kind, for instance {@code Deployment}
 * @param namespace the namespace, empty for cluster-scoped objects or when not set
 * @param name      the object's name
 */
public record ResourceRef(String kind, String namespace, String name) implements Comparable<ResourceRef> {
    private static final Comparator<ResourceRef> ORDER = Comparator.comparing(ResourceRef::namespace)
            .thenComparing(ResourceRef::kind).thenComparing(ResourceRef::name);

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
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return display();
    }
}
