package io.k8sgate.core.rbac;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An identity RBAC grants permissions to.
 *
 * @param kind      {@code User}, {@code Group} or {@code ServiceAccount}
 * @param name      the name
 * @param namespace the namespace of a service account, empty for users and groups
 */
public record RbacSubject(String kind, String name, String namespace) implements Comparable<RbacSubject> {
    /** Subject kind of a user. */
    public static final String USER = "User";
    /** Subject kind of a group. */
    public static final String GROUP = "Group";
    /** Subject kind of a service account. */
    public static final String SERVICE_ACCOUNT = "ServiceAccount";
    /** The user of unauthenticated requests. */
    public static final String ANONYMOUS = "system:anonymous";
    /** The group of unauthenticated requests. */
    public static final String UNAUTHENTICATED = "system:unauthenticated";
    /** The group of every authenticated user and service account. */
    public static final String AUTHENTICATED = "system:authenticated";
    /** The group of every service account; {@code system:serviceaccounts:<ns>} holds those of one namespace. */
    public static final String SERVICE_ACCOUNTS = "system:serviceaccounts";
    /** The group that bypasses authorization. */
    public static final String MASTERS = "system:masters";
    private static final String SA_USER_PREFIX = "system:serviceaccount:";

    public RbacSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
    }

    /** A user, normalised: {@code system:serviceaccount:<ns>:<name>} is that service account. */
    public static RbacSubject user(final String name) {
        if (name.startsWith(SA_USER_PREFIX)) {
            String rest = name.substring(SA_USER_PREFIX.length());
            int colon = rest.indexOf(':');
            if (colon > 0 && colon < rest.length() - 1) {
                return serviceAccount(rest.substring(0, colon), rest.substring(colon + 1));
            }
        }
        return new RbacSubject(USER, name, "");
    }

    /** A group. */
    public static RbacSubject group(final String name) {
        return new RbacSubject(GROUP, name, "");
    }

    /** A service account. */
    public static RbacSubject serviceAccount(final String namespace, final String name) {
        return new RbacSubject(SERVICE_ACCOUNT, name, namespace);
    }

    /** True for a service account. */
    public boolean isServiceAccount() {
        return SERVICE_ACCOUNT.equals(kind);
    }

    /**
     * This identity and the groups Kubernetes puts it in: a service account is in {@code system:serviceaccounts},
     * {@code system:serviceaccounts:<ns>} and {@code system:authenticated}; a user in {@code system:authenticated}
     * ({@code system:anonymous} in {@code system:unauthenticated} instead).
     */
    public List<RbacSubject> withGroups() {
        List<RbacSubject> all = new ArrayList<>();
        all.add(this);
        if (isServiceAccount()) {
            all.add(group(SERVICE_ACCOUNTS));
            all.add(group(SERVICE_ACCOUNTS + ":" + namespace));
            all.add(group(AUTHENTICATED));
        } else if (USER.equals(kind)) {
            all.add(group(ANONYMOUS.equals(name) ? UNAUTHENTICATED : AUTHENTICATED));
        }
        return all;
    }

    /** {@code ServiceAccount/ns/name}, {@code User/name} or {@code Group/name}. */
    public String display() {
        return isServiceAccount() ? kind + "/" + namespace + "/" + name : kind + "/" + name;
    }

    @Override
    public int compareTo(final RbacSubject o) {
        int c = kind.compareTo(o.kind);
        if (c == 0) {
            c = namespace.compareTo(o.namespace);
        }
        return c == 0 ? name.compareTo(o.name) : c;
    }

    @Override
    public String toString() {
        return display();
    }
}
