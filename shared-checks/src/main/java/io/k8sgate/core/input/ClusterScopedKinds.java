package io.k8sgate.core.input;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which kinds of object live outside any namespace: the cluster-scoped kinds of Kubernetes itself, kinds whose name
 * starts with {@code Cluster} (ClusterRole, and custom kinds such as ClusterIssuer or ClusterPolicy follow the same
 * convention), and custom kinds that a CustomResourceDefinition among the inputs declares with
 * {@code scope: Cluster}. Everything else is namespaced: deployed without a namespace, it goes to the namespace of
 * the deployment ({@code helm -n}, {@code kubectl -n}).
 */
public final class ClusterScopedKinds {
    /** The cluster-scoped kinds of the Kubernetes API (those starting with {@code Cluster} are covered by name). */
    private static final Set<String> BUILT_IN = Set.of("Namespace", "Node", "PersistentVolume", "ComponentStatus",
            "StorageClass", "CSIDriver", "CSINode", "VolumeAttachment", "VolumeAttributesClass",
            "CustomResourceDefinition", "APIService", "PriorityClass", "IngressClass", "IPAddress", "ServiceCIDR",
            "RuntimeClass", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
            "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicy",
            "MutatingAdmissionPolicyBinding", "PodSecurityPolicy", "CertificateSigningRequest", "FlowSchema",
            "PriorityLevelConfiguration", "DeviceClass", "ResourceSlice", "GatewayClass", "TokenReview",
            "SelfSubjectAccessReview", "SelfSubjectRulesReview", "SelfSubjectReview", "SubjectAccessReview",
            "StorageVersion", "StorageVersionMigration");

    /** The built-in table alone, for objects read without their definitions. */
    public static final ClusterScopedKinds BUILT_IN_ONLY = new ClusterScopedKinds(Set.of());

    private final Set<String> declared;

    private ClusterScopedKinds(final Set<String> declared) {
        this.declared = Set.copyOf(declared);
    }

    /** The built-in table and the cluster-scoped kinds that the CustomResourceDefinitions among objects declare. */
    public static ClusterScopedKinds of(final Collection<K8sObject> objects) {
        Set<String> declared = new HashSet<>();
        for (K8sObject o : objects) {
            if ("CustomResourceDefinition".equals(o.kind())
                    && "Cluster".equals(o.root().path("spec", "scope").text(""))) {
                o.root().path("spec", "names", "kind").text().ifPresent(declared::add);
            }
        }
        return declared.isEmpty() ? BUILT_IN_ONLY : new ClusterScopedKinds(declared);
    }

    /** True when objects of this kind have no namespace. */
    public boolean isClusterScoped(final String kind) {
        return kind.startsWith("Cluster") || BUILT_IN.contains(kind) || declared.contains(kind);
    }

    /**
     * The objects as they are deployed into {@code namespace}: each namespaced object that names no namespace gets
     * it (as Helm does on install); the others are returned as they are.
     */
    public List<K8sObject> deployedInto(final List<K8sObject> objects, final String namespace) {
        return objects.stream().map(o -> o.namespace().isEmpty() && !o.kind().isEmpty()
                && !isClusterScoped(o.kind()) ? o.deployedInto(namespace) : o).toList();
    }
}
