package io.k8sgate.core.input.trivy;

import java.util.Objects;

/**
 * The workload a cluster scan names for an image (trivy k8s, Trivy-Operator).
 *
 * @param namespace the namespace, empty for cluster-scoped objects
 * @param kind      the kind
 * @param name      the name
 * @param container the container, empty when the report does not say
 */
public record WorkloadRef(String namespace, String kind, String name, String container) {
    public WorkloadRef {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(container, "container");
    }

    /** {@code Kind/namespace/name}. */
    public String display() {
        return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
    }
}
