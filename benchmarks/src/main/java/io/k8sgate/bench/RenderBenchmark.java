package io.k8sgate.bench;

import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.input.LoadResult;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.input.render.ChartRequest;
import io.k8sgate.core.input.render.HelmRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The rendering benchmark: how many kustomizations the loader renders per second (Kustomize run with origin
 * annotations, the output read, every object led back to its base), and what the whole gate costs on one rendered
 * kustomization and one chart against rendering alone (the same Kustomize command, or the Helm renderer, without
 * the gate).
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.k8sgate.bench.RenderBenchmark [overlays]}
 * (default 24). Needs {@code kubectl} or {@code kustomize} on the PATH for the Kustomize part and the Helm renderer
 * module on the class path for the chart part; a missing one is reported and its part left out.
 */
public final class RenderBenchmark {
    private static final int DEPLOYMENTS = 10;

    private RenderBenchmark() {
    }

    /** Runs the benchmark and prints its figures. */
    public static void main(final String[] args) throws Exception {
        int overlays = args.length > 0 ? Integer.parseInt(args[0]) : 24;
        Path dir = Files.createTempDirectory("k8sgate-render-bench");
        try {
            Optional<List<String>> kustomize = kustomizeCommand();
            if (kustomize.isEmpty()) {
                System.out.println("neither kustomize nor kubectl is on the PATH: the Kustomize part is left out");
            } else {
                kustomizations(dir.resolve("kustomize"), overlays, kustomize.get());
            }
            Optional<HelmRenderer> helm = HelmRenderer.installed();
            if (helm.isEmpty()) {
                System.out.println("no Helm renderer on the class path: the chart part is left out");
            } else {
                chart(dir.resolve("chart"), helm.get());
            }
        } finally {
            delete(dir);
        }
    }

    private static void kustomizations(final Path root, final int overlays, final List<String> command)
            throws Exception {
        generateKustomize(root, overlays);
        ManifestLoader loader = new ManifestLoader();
        // all overlays at once, as a walked repository is read: rendered on every core
        Measure.Result all = Measure.run(1, 3, () -> {
            LoadResult r = loader.load(root, List.of("overlays"));
            if (r.inputs().rendered().size() != overlays || r.diagnostics().stream().anyMatch(d -> d.isError())) {
                throw new IllegalStateException("rendering failed: " + r.diagnostics());
            }
            return r;
        });
        System.out.printf(Locale.ROOT, "%-58s %8.0f ms  %6.1f kustomizations/s (%d objects each)%n",
                "loader: " + overlays + " overlays rendered and read", all.medianMillis(),
                overlays * 1000 / all.medianMillis(), DEPLOYMENTS * 2);
        Path one = root.resolve("overlays/env-0");
        Measure.Comparison gate = Measure.compare(2, 0, 7, () -> run(command, one),
                () -> new SecurityGate().run(GateRequest.of(root, List.of("overlays/env-0"))));
        System.out.printf(Locale.ROOT, "%-58s %8.0f ms%n", "rendering alone: " + String.join(" ", command)
                + " <overlay>", gate.baseline().medianMillis());
        System.out.printf(Locale.ROOT, "%-58s %8.0f ms  (%.2fx rendering alone)%n",
                "whole gate on the same overlay", gate.candidate().medianMillis(), gate.medianRatio());
    }

    private static void chart(final Path root, final HelmRenderer helm) throws Exception {
        generateChart(root);
        ChartRequest request = new ChartRequest(root.resolve("shop"), "bench", "default", List.of(), List.of(),
                "1.33");
        Measure.Comparison gate = Measure.compare(3, 2_000, 7, () -> helm.render(request),
                () -> new SecurityGate().run(GateRequest.of(root, List.of("shop"))));
        System.out.printf(Locale.ROOT, "%-58s %8.0f ms%n", "rendering alone: the Helm renderer, " + DEPLOYMENTS
                + " templates", gate.baseline().medianMillis());
        System.out.printf(Locale.ROOT, "%-58s %8.0f ms  (%.2fx rendering alone)%n", "whole gate on the same chart",
                gate.candidate().medianMillis(), gate.medianRatio());
    }

    private static Object run(final List<String> command, final Path dir) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(command);
        argv.add(dir.toString());
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(new String(out, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** A base of Deployments and Services and {@code overlays} overlays, each with a strategic-merge patch. */
    static void generateKustomize(final Path root, final int overlays) throws IOException {
        Path base = Files.createDirectories(root.resolve("base"));
        StringBuilder resources = new StringBuilder("resources:\n");
        for (int i = 0; i < DEPLOYMENTS; i++) {
            Files.writeString(base.resolve("app-" + i + ".yaml"), app("app-" + i, "registry.example.com/app-" + i
                    + ":1.0." + i));
            resources.append("  - app-").append(i).append(".yaml\n");
        }
        Files.writeString(base.resolve("kustomization.yaml"), resources.toString());
        for (int o = 0; o < overlays; o++) {
            Path overlay = Files.createDirectories(root.resolve("overlays/env-" + o));
            Files.writeString(overlay.resolve("kustomization.yaml"), "namespace: env-" + o + "\nresources:\n"
                    + "  - ../../base\npatches:\n  - path: patch.yaml\n");
            Files.writeString(overlay.resolve("patch.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
                    + "  name: app-0\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n"
                    + "          securityContext:\n            privileged: true\n");
        }
    }

    /** A chart of Deployments and Services, one template each, with values. */
    static void generateChart(final Path root) throws IOException {
        Path templates = Files.createDirectories(root.resolve("shop/templates"));
        Files.writeString(root.resolve("shop/Chart.yaml"), "apiVersion: v2\nname: shop\nversion: 1.0.0\n");
        Files.writeString(root.resolve("shop/values.yaml"), "tag: \"1.0.0\"\nprivileged: false\n");
        for (int i = 0; i < DEPLOYMENTS; i++) {
            Files.writeString(templates.resolve("app-" + i + ".yaml"), app("{{ .Release.Name }}-app-" + i,
                    "registry.example.com/app-" + i + ":{{ .Values.tag }}"));
        }
    }

    private static String app(final String name, final String image) {
        return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name + "\nspec:\n  replicas: 2\n"
                + "  selector:\n    matchLabels: {app: app}\n  template:\n    metadata:\n      labels: {app: app}\n"
                + "    spec:\n      containers:\n        - name: app\n          image: " + image + "\n"
                + "          securityContext:\n            allowPrivilegeEscalation: false\n"
                + "            runAsNonRoot: true\n          resources:\n"
                + "            limits: {cpu: 500m, memory: 256Mi}\n"
                + "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: " + name + "\nspec:\n"
                + "  selector: {app: app}\n  ports:\n    - port: 80\n";
    }

    private static Optional<List<String>> kustomizeCommand() {
        for (List<String> candidate : List.of(List.of("kustomize", "build"), List.of("kubectl", "kustomize"))) {
            String name = candidate.get(0);
            boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                    .anyMatch(d -> Files.isExecutable(Path.of(d, name)));
            if (found) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static void delete(final Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
