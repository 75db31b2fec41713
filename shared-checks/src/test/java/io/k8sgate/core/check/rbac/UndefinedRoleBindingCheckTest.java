package io.k8sgate.core.check.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

class UndefinedRoleBindingCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new UndefinedRoleBindingCheck();
    }

    @Test
    void shouldNameTheMissingRoleAndWhereABindingLooksForIt() {
        assertThat(findings("missing.yaml", Fixtures.read("checks/K8S-RBAC-025/violating/missing-roles.yaml"),
                CheckSettings.DEFAULT)).satisfiesExactly(
                        role -> assertThat(role.message()).isEqualTo("RoleBinding/shop/reporter refers to Role "
                                + "'report-reader' in namespace shop, which the inputs do not define: it grants "
                                + "nothing now and whatever a role of that name grants later"),
                        cluster -> assertThat(cluster.properties()).containsEntry(RbacFindings.ROLE,
                                "ClusterRole/backup-operator"),
                        namedLikeDefault -> assertThat(namedLikeDefault.message()).isEqualTo("RoleBinding/shop/"
                                + "admins refers to Role 'cluster-admin' in namespace shop, which the inputs do not "
                                + "define: it grants nothing now and whatever a role of that name grants later "
                                + "('cluster-admin' is a ClusterRole of every cluster: roleRef.kind Role names a Role "
                                + "of the namespace instead; write kind: ClusterRole to grant the default role)"));
    }

    /** A roleRef the API server refuses is an input error (ApiServerValidation), not a binding to report. */
    @Test
    void shouldLeaveARefusedRoleReferenceToTheInputErrors() {
        assertThat(findings("refused.yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: readers}
                subjects: [{kind: Group, name: readers, apiGroup: rbac.authorization.k8s.io}]
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
                """, CheckSettings.DEFAULT)).isEmpty();
    }
}
