package io.k8sgate.core.rbac;

import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.Set;

/** The risky capabilities the RBAC checks look for, shared by the checks, workload tokens and escalation paths. */
public final class RbacPermissions {
    private static final String CORE = "";
    private static final String RBAC = "rbac.authorization.k8s.io";
    private static final List<String> WRITE = List.of("create", "update", "patch");

    /** The namespace whose grants count as privileged. */
    public static final String KUBE_SYSTEM = "kube-system";

    /**
     * The verbs every resource of the API serves. A subject granted all of them on every resource of every group
     * can read every secret, run pods as any service account and rewrite any object: it can do everything, whether
     * the rules say {@code *} or spell the verbs out.
     */
    public static final List<String> STANDARD_VERBS = List.of("get", "list", "watch", "create", "update", "patch",
            "delete", "deletecollection");
    /**
     * Every verb the API server authorises: the standard verbs of resources, the HTTP verbs of non-resource URLs, and
     * the special verbs Kubernetes checks on particular resources (use, bind, escalate, impersonate, approve, sign,
     * attest). A rule whose verbs are none of these (and not {@code *}) authorises no request Kubernetes makes.
     */
    public static final Set<String> API_VERBS = Set.of("get", "list", "watch", "create", "update", "patch",
            "delete", "deletecollection", "post", "put", "head", "options", "use", "bind", "escalate", "impersonate",
            "approve", "sign", "attest");
    /**
     * Every verb on every resource of every group ({@code *} or the standard verbs spelled out, in one rule or
     * several): cluster-admin cluster-wide, namespace admin in a namespace.
     */
    public static final Permission FULL_ADMIN = new Permission("do everything (every verb on every resource)",
            Severity.HIGH, STANDARD_VERBS.stream().map(v -> new Permission.Access(List.of(v), List.of("*"),
                    List.of("*"))).toList(), false);
    /**
     * The signers whose certificates may name any user and group ({@code kubernetes.io/kube-apiserver-client}, the
     * legacy signer) and the wildcard that covers them: approving for one of them is approving for any identity,
     * system:masters included.
     */
    public static final Set<String> ANY_IDENTITY_SIGNERS = Set.of(
            "kubernetes.io/kube-apiserver-client", "kubernetes.io/legacy-unknown", "kubernetes.io/*");
    /** Escalate: edit a role to hold permissions one does not have. */
    public static final Permission ESCALATE = Permission.of("escalate roles (grant themselves any permission)",
            Severity.CRITICAL, List.of("escalate"), List.of(RBAC), List.of("roles", "clusterroles"));
    /** Bind: bind any role without holding its permissions. */
    public static final Permission BIND = Permission.of("bind any role (grant any permission)", Severity.CRITICAL,
            List.of("bind"), List.of(RBAC), List.of("roles", "clusterroles"));
    /** Impersonate another identity. */
    public static final Permission IMPERSONATE = Permission.of("impersonate users or groups",
            Severity.CRITICAL, List.of("impersonate"), List.of(CORE, "authentication.k8s.io"),
            List.of("users", "groups", "uids", "userextras")).namedToo();
    /** Impersonate service accounts. */
    public static final Permission IMPERSONATE_SA = Permission.of("impersonate service accounts", Severity.HIGH,
            List.of("impersonate"), List.of(CORE), List.of("serviceaccounts")).namedToo();
    /**
     * Read secrets: list and watch return the contents too, and so does deletecollection, which answers with the list
     * of the objects it deleted.
     */
    public static final Permission SECRETS_READ = Permission.of("read secrets", Severity.HIGH,
            List.of("get", "list", "watch", "deletecollection"), List.of(CORE), List.of("secrets"));
    /** Update or patch secrets: the response carries the whole object, contents included. */
    public static final Permission SECRETS_WRITE = Permission.of("modify secrets", Severity.HIGH,
            List.of("update", "patch"), List.of(CORE), List.of("secrets"));
    /** Create pods: run as any service account of the namespace. */
    public static final Permission POD_CREATE = Permission.of("create pods", Severity.HIGH, List.of("create"),
            List.of(CORE), List.of("pods"));
    /** Write a pod controller: the controller creates the pods. */
    public static final Permission CONTROLLER_WRITE = Permission.of("create or change pod controllers",
            Severity.HIGH, WRITE, List.of("apps", "batch", "extensions", CORE), List.of("deployments",
                    "daemonsets", "statefulsets", "replicasets", "replicationcontrollers", "jobs", "cronjobs"));
    /** A shell in running containers. */
    public static final Permission POD_EXEC = Permission.of("exec into pods", Severity.HIGH,
            List.of("create", "get"), List.of(CORE), List.of("pods/exec"));
    /** Attach to running containers. */
    public static final Permission POD_ATTACH = Permission.of("attach to pods", Severity.MEDIUM,
            List.of("create", "get"), List.of(CORE), List.of("pods/attach"));
    /** Add ephemeral (debug) containers to running pods. */
    public static final Permission POD_EPHEMERAL = Permission.of("add ephemeral containers to pods", Severity.HIGH,
            List.of("update", "patch"), List.of(CORE), List.of("pods/ephemeralcontainers"));
    /** Forward ports of pods. */
    public static final Permission POD_PORTFORWARD = Permission.of("port-forward to pods", Severity.MEDIUM,
            List.of("create", "get"), List.of(CORE), List.of("pods/portforward"));
    /** The kubelet API of nodes: get is enough to exec into every pod of the node. */
    public static final Permission NODE_PROXY = Permission.of("proxy to the kubelet API of nodes", Severity.HIGH,
            List.of("get", "create"), List.of(CORE), List.of("nodes/proxy")).namedToo();
    /** TokenRequest: a token of another service account. */
    public static final Permission SA_TOKEN = Permission.of("create service account tokens", Severity.HIGH,
            List.of("create"), List.of(CORE), List.of("serviceaccounts/token")).namedToo();
    /**
     * Approve CSRs for any signer, or for one whose certificates may name any user or group (resourceNames limited to
     * {@link #ANY_IDENTITY_SIGNERS}): client certificates for any identity.
     */
    public static final Permission CSR_APPROVE = new Permission(
            "approve certificate signing requests for a signer that issues any client identity", Severity.CRITICAL,
            List.of(new Permission.Access(List.of("update", "patch"), List.of("certificates.k8s.io"),
                            List.of("certificatesigningrequests/approval")),
                    new Permission.Access(List.of("approve"), List.of("certificates.k8s.io"), List.of("signers"),
                            ANY_IDENTITY_SIGNERS)),
            false);
    /** Admission webhooks see and change every admitted object. */
    public static final Permission WEBHOOKS = Permission.of("change admission webhook configurations",
            Severity.CRITICAL, List.of("create", "update", "patch", "delete", "deletecollection"),
            List.of("admissionregistration.k8s.io"),
            List.of("mutatingwebhookconfigurations", "validatingwebhookconfigurations"));
    /** A hostPath PersistentVolume gives the host's file system. */
    public static final Permission PV_CREATE = Permission.of("create persistent volumes", Severity.MEDIUM,
            List.of("create"), List.of(CORE), List.of("persistentvolumes"));
    /** Relabelling a namespace loosens Pod Security Admission and network policy selection. */
    public static final Permission NAMESPACE_MODIFY = Permission.of("modify namespaces", Severity.MEDIUM,
            List.of("update", "patch"), List.of(CORE), List.of("namespaces"));
    /** Create or change roles: hand one's own rights to others through new or widened roles. */
    public static final Permission ROLE_WRITE = Permission.of("create or change roles", Severity.MEDIUM,
            List.of("create", "update", "patch"), List.of(RBAC), List.of("roles", "clusterroles"));
    /** Change who traffic reaches: services, endpoints, network policies, ingresses, service status. */
    public static final Permission NETWORK_WRITE = Permission.of("change services, endpoints, network policies or "
            + "ingresses", Severity.MEDIUM, List.of("create", "update", "patch", "delete", "deletecollection"),
            List.of(CORE, "discovery.k8s.io", "networking.k8s.io", "extensions"), List.of("services",
                    "services/status", "endpoints", "endpointslices", "networkpolicies", "ingresses"));
    /** Write ConfigMaps: runtime configuration, and in kube-system aws-auth (IAM mapping) and coredns. */
    public static final Permission CONFIGMAP_WRITE = Permission.of("change config maps", Severity.LOW,
            List.of("create", "update", "patch", "delete", "deletecollection"), List.of(CORE),
            List.of("configmaps")).namedToo();
    /** Create role bindings (with bind, any role). */
    public static final Permission BINDING_CREATE = Permission.of("create or change role bindings", Severity.MEDIUM,
            List.of("create", "update", "patch"), List.of(RBAC), List.of("rolebindings", "clusterrolebindings"));

    /** Every permission that makes a subject risky (the token of its service account worth stealing). */
    public static final List<Permission> RISKY = List.of(FULL_ADMIN, ESCALATE, BIND, IMPERSONATE, IMPERSONATE_SA,
            SECRETS_READ,
            SECRETS_WRITE, POD_CREATE, CONTROLLER_WRITE, POD_EXEC, POD_ATTACH, POD_EPHEMERAL, POD_PORTFORWARD,
            NODE_PROXY, SA_TOKEN, CSR_APPROVE, WEBHOOKS, PV_CREATE, NAMESPACE_MODIFY);

    private RbacPermissions() {
    }

    /** The permissions of {@link #RISKY} that the rules grant in the scope. */
    public static List<Permission> riskyIn(final List<PolicyRule> rules, final String scope) {
        return RISKY.stream().filter(p -> !p.grantedBy(rules, scope).isEmpty()).toList();
    }

    /** One level more severe when the grant is cluster-wide or lands in kube-system. */
    public static Severity raise(final Severity base, final String scope) {
        boolean privileged = RbacBinding.CLUSTER_WIDE.equals(scope) || KUBE_SYSTEM.equals(scope);
        return privileged && base.ordinal() > 0 ? Severity.values()[base.ordinal() - 1] : base;
    }
}
