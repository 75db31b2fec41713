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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The RBAC benchmark: builds the effective-permission graph, the escalation paths and runs every RBAC check over
 * generated inputs of growing size, and prints the time per object, which stays flat when the analysis is linear.
 * Three shapes:
 * <ul>
 *   <li>{@code bindings}: roles in 100 namespaces and N RoleBindings of users to them;</li>
 *   <li>{@code apps}: N resources as applications (Deployment, Service, ServiceAccount, Role, RoleBinding each, in
 *       500 files; 51,000 resources is the shape of a large platform repository), where many service accounts may
 *       exec into pods or read secrets of their namespace;</li>
 *   <li>{@code exec}: N users that may exec into every pod of the cluster, over N workloads in N/20 namespaces whose
 *       tokens are mounted (the number of exec steps grows as N squared; the analysis must not).</li>
 * </ul>
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.k8sgate.bench.RbacBenchmark [SHAPE:N,N...]...}
 * (default {@code bindings:2500,5000,10000,20000 apps:12750,25500,51000 exec:1000,2000,4000,8000}); a bare list of
 * numbers is the bindings shape.
 */
public final class RbacBenchmark {
    private static final int NAMESPACES = 100;
    private static final List<String> DEFAULT = List.of("bindings:2500,5000,10000,20000", "apps:12750,25500,51000",
            "exec:1000,2000,4000,8000");

    private RbacBenchmark() {
    }

    /** Runs the benchmark and prints one table per shape. */
    public static void main(final String[] args) throws Exception {
        List<String> shapes = args.length == 0 ? DEFAULT : List.of(args);
        for (String arg : shapes) {
            String shape = arg.contains(":") ? arg.substring(0, arg.indexOf(':')) : "bindings";
            String list = arg.contains(":") ? arg.substring(arg.indexOf(':') + 1) : arg;
            List<Integer> sizes = Stream.of(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
            System.out.printf(Locale.ROOT, "%n%s%n%10s %10s %12s %12s %14s %16s%n", title(shape), "size",
                    "objects", "graph ms", "paths ms", "all RBAC ms", "us per object");
            for (int size : sizes) {
                List<K8sObject> objects = objects(shape, size);
                row(size, objects);
            }
        }
    }

    private static String title(final String shape) {
        return switch (shape) {
            case "bindings" -> "bindings: N RoleBindings of users in 100 namespaces";
            case "apps" -> "apps: N resources as applications in 500 files (Deployment, Service, ServiceAccount, "
                    + "Role, RoleBinding)";
            case "exec" -> "exec: N users that may exec into every pod, over N token-mounting workloads";
            default -> throw new IllegalArgumentException("Unknown shape " + shape + " (bindings, apps, exec)");
        };
    }

    private static List<K8sObject> objects(final String shape, final int size) throws IOException {
        ManifestLoader loader = new ManifestLoader();
        return switch (shape) {
            case "bindings" -> loader.parse("generated.yaml", generate(size), d -> { });
            case "exec" -> loader.parse("generated.yaml", execShape(size), d -> { });
            case "apps" -> {
                Path dir = Files.createTempDirectory("k8sgate-rbac-apps");
                try {
                    ManifestGenerator.applications(dir, size, 500, 11);
                    List<K8sObject> all = new ArrayList<>();
                    try (Stream<Path> files = Files.list(dir)) {
                        for (Path f : files.sorted().toList()) {
                            all.addAll(loader.parse(f.getFileName().toString(), Files.readString(f), d -> { }));
                        }
                    }
                    yield all;
                } finally {
                    try (Stream<Path> files = Files.walk(dir)) {
                        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
            }
            default -> throw new IllegalArgumentException("Unknown shape " + shape);
        };
    }

    private static void row(final int size, final List<K8sObject> objects) throws Exception {
        List<Check> rbacChecks = CheckRegistry.defaultRegistry().all().stream()
                .filter(c -> c.metadata().category() == Category.RBAC).toList();
        Measure.Result graph = Measure.run(1, 3, () -> RbacGraph.of(objects).effectivePermissionCounts());
        Measure.Result paths = Measure.run(1, 3, () -> EscalationPaths.find(RbacGraph.of(objects)));
        Measure.Result checks = Measure.run(1, 3, () -> {
            CheckContext context = CheckContext.of(objects, CheckSettings.DEFAULT);
            int n = 0;
            for (Check c : rbacChecks) {
                n += c.evaluate(context).size();
            }
            return n;
        });
        System.out.printf(Locale.ROOT, "%10d %10d %12.1f %12.1f %14.1f %16.2f%n", size, objects.size(),
                graph.medianMillis(), paths.medianMillis(), checks.medianMillis(),
                1000 * checks.medianMillis() / objects.size());
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

    /**
     * {@code n} users bound cluster-wide to a role that may exec into pods, and {@code n} Deployments in n/20
     * namespaces, each running as its own service account with its token mounted; every fifth account may read the
     * secrets of its namespace, so every user has paths to follow and no path ends the search early.
     */
    static String execShape(final int n) {
        StringBuilder y = new StringBuilder(n * 900);
        y.append("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: debugger}
                rules:
                  - {apiGroups: [""], resources: [pods/exec], verbs: [create, get]}
                ---
                """);
        int namespaces = Math.max(1, n / 20);
        for (int i = 0; i < n; i++) {
            String ns = "ns-" + i % namespaces;
            y.append("""
                    apiVersion: rbac.authorization.k8s.io/v1
                    kind: ClusterRoleBinding
                    metadata: {name: debugger-%1$d}
                    subjects: [{kind: User, name: dev-%1$d}]
                    roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: debugger}
                    ---
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: app-%1$d, namespace: %2$s}
                    spec:
                      selector: {matchLabels: {app: app-%1$d}}
                      template:
                        metadata: {labels: {app: app-%1$d}}
                        spec:
                          serviceAccountName: app-%1$d
                          containers: [{name: main, image: "registry.example.com/app:1.0"}]
                    ---
                    """.formatted(i, ns));
            if (i % 5 == 0) {
                y.append("""
                        apiVersion: rbac.authorization.k8s.io/v1
                        kind: RoleBinding
                        metadata: {name: secrets-%1$d, namespace: %2$s}
                        subjects: [{kind: ServiceAccount, name: app-%1$d, namespace: %2$s}]
                        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view-secrets}
                        ---
                        """.formatted(i, ns));
            }
        }
        y.append("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: view-secrets}
                rules:
                  - {apiGroups: [""], resources: [secrets], verbs: [get, list]}
                """);
        return y.toString();
    }
}
