package io.k8sgate.bench;

import io.k8sgate.core.input.ManifestLoader;
import java.util.List;
import java.util.Locale;

/**
 * The long-scalar benchmark: reads manifests that hold one long value (a base64 blob without spaces, the shape that
 * made the YAML reader's look-ahead quadratic) and, for comparison, ordinary manifests of the same size, and prints the
 * time per megabyte of each. Linear reading keeps both columns flat as the size grows, and the ratio near 1.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.k8sgate.bench.LongScalarBenchmark [megabytes...]}
 * (default 1 4 8 15).
 */
public final class LongScalarBenchmark {
    private static final int MB = 1024 * 1024;

    private LongScalarBenchmark() {
    }

    /** Runs the benchmark and prints a table. */
    public static void main(final String[] args) throws Exception {
        List<Integer> sizes = Measure.sizes(args, 1, 4, 8, 15);
        ManifestLoader loader = new ManifestLoader();
        System.out.printf(Locale.ROOT, "%6s %16s %16s %18s %18s %8s%n", "MB", "long value ms", "ordinary ms",
                "long value ms/MB", "ordinary ms/MB", "ratio");
        for (int size : sizes) {
            String longValue = longValue(size * MB);
            String ordinary = ordinary(longValue.length());
            int repeats = size >= 8 ? 3 : 5;
            Measure.Comparison c = Measure.compare(2, 0, 120_000, repeats,
                    () -> loader.parse("ordinary.yaml", ordinary, d -> { }),
                    () -> loader.parse("long.yaml", longValue, d -> { }));
            double megabytes = longValue.length() / (double) MB;
            System.out.printf(Locale.ROOT, "%6d %16.0f %16.0f %18.1f %18.1f %8.2f%n", size,
                    c.candidate().medianMillis(), c.baseline().medianMillis(),
                    c.candidate().medianMillis() / megabytes, c.baseline().medianMillis() / megabytes,
                    c.medianRatio());
        }
    }

    /** A ConfigMap whose one value is {@code chars} characters of base64 text on a single line. */
    static String longValue(final int chars) {
        StringBuilder yaml = new StringBuilder(chars + 200);
        yaml.append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: blob\ndata:\n  blob: ");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        long seed = 42;
        while (yaml.length() < chars) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            yaml.append(alphabet.charAt((int) (seed >>> 58)));
        }
        return yaml.append('\n').toString();
    }

    /** Deployments with short values, about {@code chars} characters in all. */
    static String ordinary(final int chars) {
        StringBuilder yaml = new StringBuilder(chars + 1000);
        for (int i = 0; yaml.length() < chars; i++) {
            yaml.append("---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-").append(i)
                    .append("\n  namespace: shop\nspec:\n  template:\n    spec:\n      containers:\n")
                    .append("      - name: app\n")
                    .append("        image: registry.example.com/shop/app:1.").append(i).append('\n')
                    .append("        securityContext:\n          runAsNonRoot: true\n");
        }
        return yaml.toString();
    }
}
