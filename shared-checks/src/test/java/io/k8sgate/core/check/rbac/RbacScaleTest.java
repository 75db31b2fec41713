package io.k8sgate.core.check.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.rbac.RbacGraph;
import io.k8sgate.core.rbac.RbacSubject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A generated input of 10,000 bindings, analysed for correctness (its speed is measured by the benchmark). */
class RbacScaleTest {
    private static final int NAMESPACES = 100;
    private static final int BINDINGS = 10_000;

    /** 100 namespaces, each with a reader Role and a pod-creator Role; user-i reads in ns-(i % 100). */
    static String generated() {
        StringBuilder y = new StringBuilder(BINDINGS * 300);
        for (int n = 0; n < NAMESPACES; n++) {
            y.append("""
                    apiVersion: rbac.authorization.k8s.io/v1
                    kind: Role
                    metadata: {name: reader, namespace: ns-%1$d}
                    rules:
                      - {apiGroups: [""], resources: [configmaps], verbs: [get]}
                    ---
                    apiVersion: rbac.authorization.k8s.io/v1
                    kind: Role
                    metadata: {name: pod-creator, namespace: ns-%1$d}
                    rules:
                      - {apiGroups: [""], resources: [pods], verbs: [create]}
                    ---
                    """.formatted(n));
        }
        for (int i = 0; i < BINDINGS; i++) {
            String role = i % 1000 == 0 ? "pod-creator" : "reader";
            y.append("""
                    apiVersion: rbac.authorization.k8s.io/v1
                    kind: RoleBinding
                    metadata: {name: b-%1$d, namespace: ns-%2$d}
                    subjects: [{kind: User, name: user-%1$d}]
                    roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: %3$s}
                    ---
                    """.formatted(i, i % NAMESPACES, role));
        }
        // one powerful service account in ns-0, where user-0, user-1000, ... can create pods
        y.append("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: powerful}
                subjects: [{kind: ServiceAccount, name: robot, namespace: ns-0}]
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
                """);
        return y.toString();
    }

    @Test
    void shouldResolveEveryOneOfTenThousandBindingsAndFindTheEscalations() {
        List<String> problems = new ArrayList<>();
        List<K8sObject> objects = new ManifestLoader().parse("generated.yaml", generated(),
                d -> problems.add(d.toString()));
        assertThat(problems).isEmpty();
        CheckContext context = CheckContext.of(objects, CheckSettings.DEFAULT);
        RbacGraph graph = RbacFindings.graph(context);

        assertThat(graph.bindings()).hasSize(BINDINGS + 1);
        assertThat(graph.effectivePermissionCounts()).hasSize(BINDINGS + 1);
        assertThat(graph.allows(RbacSubject.user("user-4242"), "get", "", "configmaps", "c", "ns-42")).hasSize(1);
        assertThat(graph.allows(RbacSubject.user("user-4242"), "get", "", "configmaps", "c", "ns-43")).isEmpty();

        List<Finding> creators = new PodCreationCheck().evaluate(context);
        assertThat(creators).filteredOn(f -> f.resource().kind().equals("RoleBinding")).hasSize(10);
        List<Finding> paths = new EscalationPathCheck().evaluate(context);
        assertThat(paths).extracting(f -> f.properties().get("subject")).containsExactly("User/user-0",
                "User/user-1000", "User/user-2000", "User/user-3000", "User/user-4000", "User/user-5000",
                "User/user-6000", "User/user-7000", "User/user-8000", "User/user-9000");
        assertThat(paths).allSatisfy(f -> assertThat(f.properties().get("escalationPath"))
                .contains(" -> ServiceAccount/ns-0/robot can do everything"));
    }
}
