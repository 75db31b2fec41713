package io.k8sgate.core.rbac;

import java.util.Objects;

/**
 * One subject holding one role through one binding, in one scope.
 *
 * @param subject the identity named by the binding
 * @param binding the binding
 * @param index   the position of the subject in the binding's list of subjects
 * @param role    the referenced role
 * @param scope   {@link RbacBinding#CLUSTER_WIDE} or the namespace the grant is limited to
 */
public record Grant(RbacSubject subject, RbacBinding binding, int index, RbacRole role, String scope) {
    public Grant {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scope, "scope");
    }

    /** True when the grant applies in every namespace and to cluster-scoped resources. */
    public boolean isClusterWide() {
        return RbacBinding.CLUSTER_WIDE.equals(scope);
    }

    /** {@code cluster-wide} or {@code namespace X}, for messages. */
    public String scopeText() {
        return isClusterWide() ? "cluster-wide" : "in namespace " + scope;
    }

    /** {@code binding → role}, for messages (without {@code ->}, which separates the steps of a path). */
    public String via() {
        return binding.display() + " \u2192 " + role.display();
    }
}
