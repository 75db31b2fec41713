package io.k8sgate.bench;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.rbac.EscalationPaths;
import io.k8sgate.core.rbac.RbacGraph;
import io.k8sgate.core.registry.CheckRegistry;
import java.util.List;
import java.util.Locale;

/**
 * The RBAC benchmark: builds the effective-permission graph, the escalation paths and runs every RBAC check over
 * generated inputs of growing size, and prints the time per binding, which stays flat when the analysis is linear.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.k8sgate.bench.RbacBenchmark [bindings...]}
 * (default 2500 5000 10000 20000).
 */
public final class RbacBenchmark {
    private static final int NAMESPACES = 100;

    private RbacBenchmark() {
    }

    /** Runs the benchmark and prints a table. */
    public static void main(final String[] args) throws Exception {
        List<Integer> sizes = Measure.sizes(args, 2_500, 5_000, 10_000, 20_000);
        List<Check> rbacChecks = CheckRegistry.defaultRegistry().all().stream()
                .filter(c -> c.metadata().category() == Category.RBAC).toList();
        System.out.printf(Locale.ROOT, "%10s %12s %12s %14s %16s%n", "bindings", "graph ms", "paths ms",
                "all RBAC ms", "us per binding");
        for (int size : sizes) {
            List<K8sObject> objects = new ManifestLoader().parse("generated.yaml", generate(size), d -> { });
            Measure.Result graph = Measure.run(2, 5, () -> RbacGraph.of(objects).effectivePermissionCounts());
            Measure.Result paths = Measure.run(2, 5, () -> EscalationPaths.find(RbacGraph.of(objects)));
            Measure.Result checks = Measure.run(2, 5, () -> {
                CheckContext context = CheckContext.of(objects, CheckSettings.DEFAULT);
                int n = 0;
                for (Check c : rbacChecks) {
                    n += c.evaluate(context).size();
                }
                return n;
            });
            System.out.printf(Locale.ROOT, "%10d %12.1f %12.1f %14.1f %16.2f%n", size, graph.medianMillis(),
                    paths.medianMillis(), checks.medianMillis(), 1000 * checks.medianMillis() / size);
        }
    }

    /**
     * Roles in 100 namespaces and {@code bindings} RoleBindings of users to them; one binding in a thousand lets its
     * user create pods in a namespace whose service account is cluster-admin, so escalation paths exist.
     */
    static String generate(final int bindings) {
        StringBuilder y = new StringBuilder(bindings * 300);
        for (int n = 0; n < NAMESPACES; n++) {
            y.append("""
                    apiVersion: rbac.authorization.k8s.io/v1
                    kind: Role
                    metadata: {name: reader, namespace: ns-%1$d}
                    rules:
                      - {apiGroups: [""], resources: [configmaps, secrets], verbs: [get, list]}
                    ---
                    apiVersion: rbac.authorization.k8s.io/v1
                    kind: Role
                    metadata: {name: pod-creator, namespace: ns-%1$d}
                    rules:
                      - {apiGroups: [""], resources: [pods], verbs: [create]}
                    ---
                    apiVersion: rbac.authorization.k8s.io/v1
                    kind: ClusterRoleBinding
                    metadata: {name: robot-%1$d}
                    subjects: [{kind: ServiceAccount, name: robot, namespace: ns-%1$d}]
                    roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
                    ---
                    """.formatted(n));
        }
        for (int i = 0; i < bindings; i++) {
            y.append("""
                    apiVersion: rbac.authorization.k8s.io/v1
                    kind: RoleBinding
                    metadata: {name: b-%1$d, namespace: ns-%2$d}
                    subjects: [{kind: User, name: user-%1$d}, {kind: ServiceAccount, name: app-%1$d}]
                    roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: %3$s}
                    ---
                    """.formatted(i, i % NAMESPACES, i % 1000 == 0 ? "pod-creator" : "reader"));
        }
        return y.toString();
    }
}
