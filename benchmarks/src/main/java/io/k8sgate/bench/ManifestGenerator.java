package io.k8sgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a realistic manifest set: namespaces holding workloads of every kind with services, network policies,
 * service accounts and RBAC, with a realistic mix of hardened and careless settings (so checks do real work and
 * report findings).
 */
public final class ManifestGenerator {
    private static final int OBJECTS_PER_FILE = 40;
    private static final String[] KINDS = {"Deployment", "StatefulSet", "DaemonSet", "CronJob", "Job"};

    private ManifestGenerator() {
    }

    /** Writes about {@code resources} objects below {@code dir}; returns the number written. */
    public static int generate(final Path dir, final int resources, final long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        StringBuilder file = new StringBuilder();
        int written = 0;
        int inFile = 0;
        int fileIndex = 0;
        int namespaces = Math.max(1, resources / 40);
        while (written < resources) {
            int ns = written / 40 % namespaces;
            String namespace = "team-" + ns;
            int id = written;
            String[] objects = written % 40 == 0
                    ? new String[] {namespace(namespace, random), networkPolicy(namespace), role(namespace, random),
                        roleBinding(namespace, "app-" + id)}
                    : new String[] {serviceAccount(namespace, "app-" + id), workload(namespace, "app-" + id, random),
                        service(namespace, "app-" + id, random)};
            for (String o : objects) {
                file.append("---\n").append(o);
                written++;
                inFile++;
            }
            if (inFile >= OBJECTS_PER_FILE) {
                Files.writeString(dir.resolve("manifests-" + fileIndex++ + ".yaml"), file);
                file.setLength(0);
                inFile = 0;
            }
        }
        if (file.length() > 0) {
            Files.writeString(dir.resolve("manifests-" + fileIndex + ".yaml"), file);
        }
        return written;
    }

    /**
     * Writes {@code resources} objects as applications into {@code files} files (the shape of a platform repository:
     * 500 files and 51,000 resources at full size): each application is a Deployment (hardened or careless at
     * random), a Service, a ServiceAccount, a Role and a RoleBinding of its account to the Role, in one of 50
     * namespaces. Roles differ as real ones do: most read config maps, some read secrets, some exec into pods or
     * create them, so that the escalation search and the token checks have work in every namespace. Returns the
     * number written.
     */
    public static int applications(final Path dir, final int resources, final int files, final long seed)
            throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        int apps = Math.max(1, resources / 5);
        int perFile = Math.max(1, (apps + files - 1) / files);
        StringBuilder file = new StringBuilder();
        int written = 0;
        int fileIndex = 0;
        for (int app = 0; app < apps; app++) {
            String namespace = "team-" + app % 50;
            String name = "app-" + app;
            String[] objects = {serviceAccount(namespace, name, random.nextInt(3) == 0),
                workload("Deployment", namespace, name, random), service(namespace, name, random),
                appRole(namespace, name, random), appRoleBinding(namespace, name)};
            for (String o : objects) {
                file.append("---\n").append(o);
                written++;
            }
            if ((app + 1) % perFile == 0 || app == apps - 1) {
                Files.writeString(dir.resolve("apps-" + fileIndex++ + ".yaml"), file);
                file.setLength(0);
            }
        }
        return written;
    }

    private static String appRole(final String namespace, final String name, final Random random) {
        int pick = random.nextInt(12);
        String rule = pick < 6 ? "{apiGroups: [\"\"], resources: [configmaps], verbs: [get, list, watch]}"
                : pick < 9 ? "{apiGroups: [\"\"], resources: [secrets, configmaps], verbs: [get, list]}"
                : pick < 11 ? "{apiGroups: [\"\"], resources: [pods/exec], verbs: [create, get]}"
                : "{apiGroups: [\"\"], resources: [pods], verbs: [create, delete]}";
        return "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: " + name
                + "\n  namespace: " + namespace + "\nrules:\n  - " + rule + "\n";
    }

    private static String appRoleBinding(final String namespace, final String name) {
        return "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: " + name
                + "\n  namespace: " + namespace + "\nsubjects:\n  - kind: ServiceAccount\n    name: " + name
                + "\n    namespace: " + namespace + "\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n"
                + "  kind: Role\n  name: " + name + "\n";
    }

    private static String namespace(final String name, final Random random) {
        return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + name + "\n  labels:\n"
                + (random.nextBoolean() ? "    pod-security.kubernetes.io/enforce: restricted\n" : "")
                + "    team: " + name + "\n";
    }

    private static String networkPolicy(final String namespace) {
        return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\n"
                + "  namespace: " + namespace + "\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n";
    }

    private static String role(final String namespace, final Random random) {
        return "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: app-role\n  namespace: "
                + namespace + "\nrules:\n  - apiGroups: [\"\"]\n    resources: [\"configmaps\""
                + (random.nextInt(4) == 0 ? ", \"secrets\"" : "") + "]\n    verbs: [\"get\", \"list\"]\n";
    }

    private static String roleBinding(final String namespace, final String sa) {
        return "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: app-role\n"
                + "  namespace: " + namespace + "\nsubjects:\n  - kind: ServiceAccount\n    name: " + sa
                + "\n    namespace: " + namespace + "\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n"
                + "  kind: Role\n  name: app-role\n";
    }

    private static String serviceAccount(final String namespace, final String name) {
        return serviceAccount(namespace, name, false);
    }

    private static String serviceAccount(final String namespace, final String name, final boolean token) {
        return "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: " + name + "\n  namespace: " + namespace
                + (token ? "\n" : "\nautomountServiceAccountToken: false\n");
    }

    private static String service(final String namespace, final String name, final Random random) {
        String type = random.nextInt(10) == 0 ? "LoadBalancer" : random.nextInt(10) == 0 ? "NodePort" : "ClusterIP";
        return "apiVersion: v1\nkind: Service\nmetadata:\n  name: " + name + "\n  namespace: " + namespace
                + "\nspec:\n  type: " + type + "\n  selector: {app: " + name + "}\n  ports:\n    - port: 80\n"
                + "      targetPort: 8080\n";
    }

    private static String workload(final String namespace, final String name, final Random random) {
        return workload(KINDS[random.nextInt(KINDS.length)], namespace, name, random);
    }

    private static String workload(final String kind, final String namespace, final String name,
            final Random random) {
        boolean hardened = random.nextInt(3) > 0;
        String indent = "CronJob".equals(kind) ? "          " : "      ";
        StringBuilder pod = new StringBuilder();
        pod.append(indent).append("serviceAccountName: ").append(name).append('\n');
        if (hardened) {
            pod.append(indent).append("securityContext:\n").append(indent).append("  runAsNonRoot: true\n")
                    .append(indent).append("  runAsUser: 10001\n").append(indent)
                    .append("  seccompProfile: {type: RuntimeDefault}\n");
        }
        if ("Job".equals(kind) || "CronJob".equals(kind)) {
            pod.append(indent).append("restartPolicy: OnFailure\n");
        }
        pod.append(indent).append("containers:\n").append(indent).append("  - name: main\n").append(indent)
                .append("    image: registry.example.com/").append(namespace).append('/').append(name)
                .append(random.nextInt(5) == 0 ? ":latest" : ":1." + random.nextInt(20)).append('\n')
                .append(indent).append("    ports: [{containerPort: 8080}]\n")
                .append(indent).append("    env:\n").append(indent).append("      - {name: LOG_LEVEL, value: info}\n");
        if (hardened) {
            pod.append(indent).append("    securityContext:\n").append(indent)
                    .append("      allowPrivilegeEscalation: false\n").append(indent)
                    .append("      readOnlyRootFilesystem: true\n").append(indent)
                    .append("      capabilities: {drop: [ALL]}\n").append(indent)
                    .append("    resources:\n").append(indent).append("      requests: {cpu: 100m, memory: 64Mi}\n")
                    .append(indent).append("      limits: {cpu: 500m, memory: 128Mi}\n").append(indent)
                    .append("    livenessProbe: {httpGet: {path: /healthz, port: 8080}}\n").append(indent)
                    .append("    readinessProbe: {httpGet: {path: /ready, port: 8080}}\n");
        } else if (random.nextInt(4) == 0) {
            pod.append(indent).append("    securityContext: {privileged: true}\n");
        }
        String head = "apiVersion: " + ("CronJob".equals(kind) || "Job".equals(kind) ? "batch/v1" : "apps/v1")
                + "\nkind: " + kind + "\nmetadata:\n  name: " + name + "\n  namespace: " + namespace + "\nspec:\n";
        if ("CronJob".equals(kind)) {
            return head + "  schedule: \"0 3 * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n"
                    + pod;
        }
        String selector = "Job".equals(kind) ? "" : "  selector:\n    matchLabels: {app: " + name + "}\n";
        return head + selector + "  template:\n    metadata:\n      labels: {app: " + name + "}\n    spec:\n" + pod;
    }
}
