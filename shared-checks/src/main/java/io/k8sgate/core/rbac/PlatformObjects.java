package io.k8sgate.core.rbac;

import java.util.List;
import java.util.Set;

/**
 * The RBAC objects a cluster or its provider brings: the default user-facing roles ({@code cluster-admin},
 * {@code admin}, {@code edit}, {@code view}), the {@code system:} roles and bindings of Kubernetes' own components,
 * kubeadm's, and the platform roles of cloud providers (EKS {@code eks:}, GKE {@code gce:} and {@code gke:}, AKS
 * {@code aks:}). They are not findings by themselves: an inventory of a cluster holds them whatever its owners do. A
 * binding that gives one of them to an identity of the inputs is a grant like any other.
 */
public final class PlatformObjects {
    /** The default roles every cluster has, written without a prefix. */
    public static final Set<String> DEFAULT_ROLES = Set.of("cluster-admin", "admin", "edit", "view");
    /** Name prefixes of the objects of Kubernetes' components, kubeadm and cloud providers. */
    public static final List<String> PREFIXES = List.of("system:", "kubeadm:", "eks:", "gce:", "gke:", "aks:");
    /** Groups a platform binding never names: whoever is in them is not part of the platform. */
    private static final Set<String> EVERYONE = Set.of(RbacSubject.ANONYMOUS, RbacSubject.UNAUTHENTICATED,
            RbacSubject.AUTHENTICATED, RbacSubject.SERVICE_ACCOUNTS);
    private static final String PLATFORM_NAMESPACE = "kube-system";

    private PlatformObjects() {
    }

    /** True for a name the platform uses: a prefix of {@link #PREFIXES}. */
    public static boolean hasPlatformPrefix(final String name) {
        return PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** True for a default role or a role named as the platform names its own. */
    public static boolean isPlatformRole(final RbacRole role) {
        return role.builtIn() || (role.isClusterRole() && DEFAULT_ROLES.contains(role.name()))
                || hasPlatformPrefix(role.name());
    }

    /**
     * True when a binding may refer to this role while the inputs lack it: the platform provides it. The default
     * roles are ClusterRoles: a Role of the same name is no role the cluster brings.
     *
     * @param kind the {@code roleRef.kind}
     * @param name the {@code roleRef.name}
     */
    public static boolean isPlatformRoleName(final String kind, final String name) {
        return (RbacRole.CLUSTER_ROLE.equals(kind) && DEFAULT_ROLES.contains(name)) || hasPlatformPrefix(name);
    }

    /**
     * True for a binding of the platform: named as the platform names its bindings (or {@code cluster-admin}, the
     * default binding of the group system:masters), and binding only platform identities: users and groups the
     * platform names (never the groups of every client or every service account), and service accounts of
     * kube-system that no workload of the inputs runs as.
     *
     * @param binding          the binding
     * @param workloadAccounts the service accounts the inputs' workloads run as
     */
    public static boolean isPlatformBinding(final RbacBinding binding, final Set<RbacSubject> workloadAccounts) {
        if (!(hasPlatformPrefix(binding.name())
                || ("cluster-admin".equals(binding.name()) && binding.isClusterWide()))) {
            return false;
        }
        return binding.subjects().stream().map(RbacBinding.BoundSubject::subject)
                .allMatch(s -> isPlatformIdentity(s, workloadAccounts));
    }

    private static boolean isPlatformIdentity(final RbacSubject subject, final Set<RbacSubject> workloadAccounts) {
        if (subject.isServiceAccount()) {
            return PLATFORM_NAMESPACE.equals(subject.namespace()) && !workloadAccounts.contains(subject);
        }
        String name = subject.name();
        return hasPlatformPrefix(name) && !EVERYONE.contains(name)
                && !name.startsWith(RbacSubject.SERVICE_ACCOUNTS + ":");
    }
}
