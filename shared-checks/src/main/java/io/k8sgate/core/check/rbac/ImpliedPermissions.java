package io.k8sgate.core.check.rbac;

import io.k8sgate.core.model.Finding;
import io.k8sgate.core.rbac.Permission;
import io.k8sgate.core.rbac.PolicyRule;
import io.k8sgate.core.rbac.RbacPermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a root-cause grant implies: the narrower permissions that everything, or a wildcard rule, includes, and the
 * narrower checks ({@link NarrowerCheck}) that would otherwise report each of them again.
 *
 * @param permissions the implied permissions, in catalogue order
 * @param checkIds    the ids of the checks that report them
 */
record ImpliedPermissions(List<Permission> permissions, List<String> checkIds) {
    /** The narrower checks, in catalogue order; a test keeps this list equal to the registry's narrower checks. */
    static final List<NarrowerCheck> NARROWER = List.of(new RoleEscalationCheck(), new ImpersonationCheck(),
            new SecretsAccessCheck(), new PodCreationCheck(), new PodExecCheck(), new NodeProxyCheck(),
            new TokenCreationCheck(), new CsrApprovalCheck(), new WebhookConfigurationCheck(),
            new PersistentVolumeCreationCheck(), new NamespaceModificationCheck(), new RbacObjectWriteCheck(),
            new NetworkWriteCheck(), new ConfigMapWriteCheck());

    ImpliedPermissions {
        permissions = List.copyOf(permissions);
        checkIds = List.copyOf(checkIds);
    }

    /** The narrower permissions for which {@code granted} holds, and the checks that report them. */
    static ImpliedPermissions where(final Predicate<Permission> granted) {
        List<Permission> held = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (NarrowerCheck check : NARROWER) {
            for (Permission p : check.permissions()) {
                if (granted.test(p)) {
                    held.add(p);
                    ids.add(check.metadata().id());
                }
            }
        }
        return new ImpliedPermissions(held, List.copyOf(ids));
    }

    /** The narrower permissions one rule grants by itself in the scope. */
    static ImpliedPermissions byRule(final PolicyRule rule, final String scope) {
        return where(p -> !p.grantedBy(List.of(rule), scope).isEmpty());
    }

    /**
     * True for a rule whose wildcard is a root cause: {@code *} in verbs, resources or non-resource URLs, short of
     * the full wildcard (everything, K8S-RBAC-001). A wildcard over resources or URLs counts only with a verb the API
     * server authorises ({@link RbacPermissions#API_VERBS}): with none, the rule allows no request at all.
     */
    static boolean isWildcard(final PolicyRule rule) {
        boolean everyResource = rule.resources().contains(PolicyRule.ALL)
                || rule.nonResourceUrls().contains(PolicyRule.ALL);
        boolean apiVerb = rule.verbs().stream().anyMatch(RbacPermissions.API_VERBS::contains);
        return !rule.isFullWildcard() && (rule.verbs().contains(PolicyRule.ALL) || (everyResource && apiVerb));
    }

    boolean isEmpty() {
        return permissions.isEmpty();
    }

    /** {@code read secrets, create pods}. */
    String labels() {
        return RbacFindings.labels(permissions);
    }

    /** The finding with the implied permissions and the ids of the checks they answer as properties. */
    Finding on(final Finding finding) {
        return isEmpty() ? finding : finding.withProperty(RbacFindings.IMPLIES, labels())
                .withProperty(RbacFindings.IMPLIED_CHECKS, String.join(", ", checkIds));
    }
}
