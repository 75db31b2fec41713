package io.k8sgate.core.input;

import io.k8sgate.core.model.Diagnostic;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The rules the API server validates an object by before it stores it, where breaking one would make the gate read
 * an object that never exists in the cluster: a kind of a built-in API group spelt with the wrong case
 * ({@code ClusterRolebinding}), a binding whose {@code roleRef} or subjects the RBAC API refuses (a ClusterRoleBinding
 * that refers to a Role, a subject of kind {@code user}), a role rule without verbs, API groups or resources. Each is
 * an input error naming the field's line, as the API server's own validation would report it, so the gate fails
 * closed instead of passing (or judging) a manifest {@code kubectl apply} rejects.
 *
 * <p>The RBAC rules follow {@code ValidateRoleBinding}, {@code ValidateClusterRoleBinding},
 * {@code ValidateRoleBindingSubject} and {@code ValidatePolicyRule} of the API server, after the defaults the API
 * server applies first: an empty {@code roleRef.apiGroup} is the RBAC group, an empty subject {@code apiGroup} is the
 * RBAC group for users and groups and the core group for service accounts.
 */
public final class ApiServerValidation {
    /** The code of the input errors about an object the API server refuses. */
    public static final String INPUT_INVALID = "input-invalid";

    private static final String RBAC = "rbac.authorization.k8s.io";
    private static final String ROLE = "Role";
    private static final String CLUSTER_ROLE = "ClusterRole";
    private static final String SERVICE_ACCOUNT = "ServiceAccount";
    private static final Set<String> SUBJECT_KINDS = Set.of(SERVICE_ACCOUNT, "User", "Group");
    /** Each built-in group's kinds by their lower-case spelling, to name the kind a wrong case meant. */
    private static final Map<String, Map<String, String>> KINDS_BY_LOWER_CASE = kindsByLowerCase();

    private ApiServerValidation() {
    }

    /** Reports what the API server would refuse in {@code object}, one input error per rule broken. */
    public static void checkObject(final K8sObject object, final Consumer<Diagnostic> problems) {
        String group = object.apiGroup();
        String kind = object.kind();
        Map<String, String> kinds = KINDS_BY_LOWER_CASE.get(group);
        if (kinds != null && !kind.isEmpty()) {
            String meant = kinds.get(kind.toLowerCase(Locale.ROOT));
            if (meant != null && !meant.equals(kind)) {
                problems.accept(refused(object.root().get("kind"), "is '" + kind + "', which "
                        + (group.isEmpty() ? "the core API group" : group) + " does not serve: kinds are "
                        + "case-sensitive, and the kind of that name is '" + meant + "'"));
                return;
            }
        }
        if (!RBAC.equals(group)) {
            return;
        }
        switch (kind) {
            case "RoleBinding" -> checkBinding(object, false, problems);
            case "ClusterRoleBinding" -> checkBinding(object, true, problems);
            case ROLE -> checkRules(object, true, problems);
            case CLUSTER_ROLE -> checkRules(object, false, problems);
            default -> {
                // the other kinds of the group are reviews, with nothing the checks read
            }
        }
    }

    private static void checkBinding(final K8sObject object, final boolean clusterWide,
            final Consumer<Diagnostic> problems) {
        YamlNode roleRef = object.root().get("roleRef");
        if (roleRef.isUnset()) {
            problems.accept(refused(roleRef, "is required: a binding names the role it grants"));
        } else if (roleRef.isMap()) { // anything else is a type error (TypedFields)
            String apiGroup = roleRef.get("apiGroup").text("");
            if (!apiGroup.isEmpty() && !RBAC.equals(apiGroup)) {
                problems.accept(refused(roleRef.get("apiGroup"), "is '" + apiGroup + "', but a binding can refer "
                        + "only to a role of " + RBAC));
            }
            String roleKind = roleRef.get("kind").text("");
            if (clusterWide && !CLUSTER_ROLE.equals(roleKind)) {
                problems.accept(refused(roleRef.get("kind"), (roleKind.isEmpty() ? "is missing" : "is '" + roleKind
                        + "'") + ", but a ClusterRoleBinding can refer only to a ClusterRole"
                        + (ROLE.equals(roleKind) ? " (a Role belongs to one namespace; bind it with a RoleBinding "
                        + "there)" : "")));
            } else if (!clusterWide && !ROLE.equals(roleKind) && !CLUSTER_ROLE.equals(roleKind)) {
                problems.accept(refused(roleRef.get("kind"), (roleKind.isEmpty() ? "is missing" : "is '" + roleKind
                        + "'") + ", but a RoleBinding can refer only to a Role or a ClusterRole"));
            }
            if (roleRef.get("name").text("").isEmpty()) {
                problems.accept(refused(roleRef.get("name"), "is required: the name of the role the binding "
                        + "grants"));
            }
        }
        List<YamlNode> subjects = object.root().get("subjects").elements();
        for (YamlNode subject : subjects) {
            if (subject.isMap()) {
                checkSubject(subject, clusterWide, problems);
            }
        }
    }

    private static void checkSubject(final YamlNode subject, final boolean clusterWide,
            final Consumer<Diagnostic> problems) {
        String kind = subject.get("kind").text("");
        if (subject.get("name").text("").isEmpty()) {
            problems.accept(refused(subject.get("name"), "is required: the identity the binding grants to"));
        }
        if (!SUBJECT_KINDS.contains(kind)) {
            problems.accept(refused(subject.get("kind"), (kind.isEmpty() ? "is missing" : "is '" + kind + "'")
                    + ", but a subject is a ServiceAccount, a User or a Group (case-sensitive)"));
            return;
        }
        String apiGroup = subject.get("apiGroup").text("");
        if (SERVICE_ACCOUNT.equals(kind)) {
            if (!apiGroup.isEmpty()) {
                problems.accept(refused(subject.get("apiGroup"), "is '" + apiGroup + "', but a ServiceAccount "
                        + "subject belongs to the core group (apiGroup \"\" or no apiGroup)"));
            }
            if (clusterWide && subject.get("namespace").text("").isEmpty()) {
                problems.accept(refused(subject.get("namespace"), "is required: a ClusterRoleBinding has no "
                        + "namespace to take the service account's from"));
            }
        } else if (!apiGroup.isEmpty() && !RBAC.equals(apiGroup)) {
            problems.accept(refused(subject.get("apiGroup"), "is '" + apiGroup + "', but a " + kind + " subject "
                    + "belongs to " + RBAC));
        }
    }

    private static void checkRules(final K8sObject object, final boolean namespaced,
            final Consumer<Diagnostic> problems) {
        for (YamlNode rule : object.root().get("rules").elements()) {
            if (!rule.isMap()) {
                continue; // a rule that is not a mapping is a type error (TypedFields)
            }
            if (isEmpty(rule.get("verbs"))) {
                problems.accept(refused(rule.get("verbs"), "is empty: a rule must name at least one verb"));
            }
            if (!isEmpty(rule.get("nonResourceURLs"))) {
                if (namespaced) {
                    problems.accept(refused(rule.get("nonResourceURLs"), "is set in a Role: non-resource URLs "
                            + "have no namespace, so only a ClusterRole can grant them"));
                }
                if (!isEmpty(rule.get("apiGroups")) || !isEmpty(rule.get("resources"))
                        || !isEmpty(rule.get("resourceNames"))) {
                    problems.accept(refused(rule.get("nonResourceURLs"), "is set with apiGroups, resources or "
                            + "resourceNames: a rule applies either to resources or to non-resource URLs"));
                }
                continue;
            }
            if (isEmpty(rule.get("apiGroups"))) {
                problems.accept(refused(rule.get("apiGroups"), "is empty: a resource rule must name at least one "
                        + "API group (\"\" for the core group)"));
            }
            if (isEmpty(rule.get("resources"))) {
                problems.accept(refused(rule.get("resources"), "is empty: a resource rule must name at least one "
                        + "resource"));
            }
        }
    }

    /** True for an unset field or an empty list; a value of another type is a type error (TypedFields). */
    private static boolean isEmpty(final YamlNode list) {
        return list.isUnset() || (list.isSequence() && list.elements().isEmpty());
    }

    private static Diagnostic refused(final YamlNode node, final String what) {
        return Diagnostic.error(INPUT_INVALID, node.location(), node.fieldPath() + " " + what + "; the API server "
                + "refuses the object, so the gate cannot check what the cluster would run");
    }

    private static Map<String, Map<String, String>> kindsByLowerCase() {
        Map<String, Map<String, String>> out = new HashMap<>();
        for (ApiResources.Resource r : ApiResources.builtIn()) {
            out.computeIfAbsent(r.group(), g -> new HashMap<>()).put(r.kind().toLowerCase(Locale.ROOT), r.kind());
        }
        out.replaceAll((g, m) -> Map.copyOf(m));
        return Map.copyOf(out);
    }
}
