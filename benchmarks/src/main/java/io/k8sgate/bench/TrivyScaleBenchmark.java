package io.k8sgate.bench;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.input.MemoryBudget;
import io.k8sgate.core.input.trivy.TrivyReportReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The Trivy report benchmark: generates image reports of the given sizes in MB (realistic entries: descriptions,
 * references, several CVSS sources) and prints the time and peak heap of reading each alone and of the whole gate
 * over a manifest that deploys the image. Run with a small heap to check that memory stays bounded, for instance
 * {@code java -Xmx256m -cp benchmarks/target/benchmarks.jar io.k8sgate.bench.TrivyScaleBenchmark 50 100}.
 */
public final class TrivyScaleBenchmark {
    private static final String IMAGE = "registry.example.com/shop/web:1.4.2";
    private static final String[] SEVERITIES = {"CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"};

    private TrivyScaleBenchmark() {
    }

    /** Runs the benchmark and prints a table. */
    public static void main(final String[] args) throws Exception {
        boolean limit = List.of(args).contains("limit");
        boolean kinds = List.of(args).contains("kinds");
        List<Integer> sizes = Measure.sizes(java.util.Arrays.stream(args).filter(a -> !"limit".equals(a)
                && !"kinds".equals(a)).toArray(String[]::new), 1, 10, 100);
        System.out.printf(Locale.ROOT, "Java %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "%6s %15s %11s %13s %9s %12s %12s %9s %13s %14s%n", "MB", "vulnerabilities",
                "jackson ms", "jackson+text", "read ms", "speed ratio", "vs +text", "gate ms", "peak heap MB",
                "kept B/vuln");
        for (int mb : sizes) {
            Path dir = Files.createTempDirectory("k8sgate-trivy-bench");
            try {
                int vulns = generate(dir.resolve("report.json"), mb * 1_000_000L);
                Files.writeString(dir.resolve("deploy.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n"
                        + "spec:\n  containers:\n    - name: app\n      image: " + IMAGE + "\n");
                Path report = dir.resolve("report.json");
                Measure.Comparison ingest = Measure.compare(3, 3_000, 7, () -> rawTokens(report),
                        () -> new TrivyReportReader().read(report, "report.json"));
                Measure.Comparison textual = Measure.compare(3, 2_000, 7, () -> rawTokensAndText(report),
                        () -> new TrivyReportReader().read(report, "report.json"));
                Measure.Result withText = textual.baseline();
                Measure.Result gate = Measure.run(2, 5, () -> gate(dir));
                System.out.printf(Locale.ROOT, "%6d %15d %11.1f %13.1f %9.1f %11.2fx %11.2fx %9.0f %13d %14d%n", mb,
                        vulns, ingest.baseline().medianMillis(), withText.medianMillis(),
                        ingest.candidate().medianMillis(), 1 / ingest.medianRatio(), 1 / textual.medianRatio(),
                        gate.medianMillis(), Math.max(ingest.candidate().peakHeapBytes(), gate.peakHeapBytes()) >> 20,
                        kept(dir) / vulns);
            } finally {
                delete(dir);
            }
        }
        if (limit) {
            overTheLimit();
        }
        if (kinds) {
            kinds();
        }
    }

    /** One kind of entry a report can hold many of, as the generator writes the {@code i}th. */
    private record Kind(String name, String list, java.util.function.IntFunction<String> entry) {
    }

    /**
     * For each kind of entry a report can hold many of, the heap a gated report keeps per entry and what the memory
     * budget charges per entry: the charge must stay above what is kept, whatever the report is made of.
     */
    private static void kinds() throws IOException {
        String longLatin = "overflow in the example parser ".repeat(70);
        String longWide = "\u00fcberlauf im \u4f8b\u89e3\u6790\u5668 ".repeat(150);
        List<Kind> kinds = List.of(
                new Kind("vulnerability (as the reports above)", "Vulnerabilities", TrivyScaleBenchmark::typical),
                new Kind("vulnerability, 2,000-character title", "Vulnerabilities", i -> vulnerability(i,
                        longLatin.substring(0, 2_000))),
                new Kind("vulnerability, 2,000-character non-Latin title", "Vulnerabilities", i -> vulnerability(i,
                        longWide.substring(0, 2_000))),
                new Kind("misconfiguration", "Misconfigurations", i -> "{\"Type\":\"dockerfile\",\"ID\":\"DS"
                        + (i % 30) + "\",\"AVDID\":\"AVD-DS-" + (i % 30) + "\",\"Title\":\"Image user should not be "
                        + "root\",\"Message\":\"Specify at least 1 USER command in Dockerfile " + i + " with non-root "
                        + "user as argument\",\"Resolution\":\"Add 'USER <non root user name>' line to the "
                        + "Dockerfile\",\"Severity\":\"HIGH\",\"PrimaryURL\":\"https://avd.aquasec.com/misconfig/ds"
                        + (i % 30) + "\",\"Status\":\"FAIL\",\"CauseMetadata\":{\"StartLine\":" + i
                        + ",\"EndLine\":" + i + "}}"),
                new Kind("misconfiguration, 2,000-character message", "Misconfigurations", i -> "{\"Type\":"
                        + "\"dockerfile\",\"ID\":\"DS1\",\"Title\":\"Image user should not be root\",\"Message\":\""
                        + longWide.substring(0, 2_000) + i + "\",\"Severity\":\"HIGH\",\"Status\":\"FAIL\"}"),
                new Kind("secret", "Secrets", i -> "{\"RuleID\":\"aws-access-key-id\",\"Category\":\"AWS\","
                        + "\"Severity\":\"CRITICAL\",\"Title\":\"AWS Access Key ID\",\"StartLine\":" + i
                        + ",\"EndLine\":" + i + ",\"Match\":\"key = AKIA****************\"}"),
                new Kind("licence", "Licenses", i -> "{\"Severity\":\"HIGH\",\"Category\":\"restricted\","
                        + "\"PkgName\":\"pkg" + i + "\",\"FilePath\":\"\",\"Name\":\"GPL-3.0-only\","
                        + "\"Confidence\":1,\"Link\":\"\"}"),
                new Kind("empty result", "", i -> ""));
        int n = 5_000;
        System.out.printf(Locale.ROOT, "%nPer entry, %,d entries of one kind in one report (\"report\": the heap the "
                + "read report holds; \"findings\": what the gate's outcome keeps; \"charged\": what the memory "
                + "budget charges, which must stay above their sum):%n%-46s %14s %14s %14s %14s%n", n, "entry",
                "report B", "findings B", "report+findings", "charged B");
        for (Kind k : kinds) {
            Path dir = Files.createTempDirectory("k8sgate-trivy-kind");
            try {
                Path report = dir.resolve("report.json");
                try (BufferedWriter w = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
                    w.write("{\"SchemaVersion\":2,\"ArtifactName\":\"" + IMAGE + "\",\"ArtifactType\":"
                            + "\"container_image\",\"Results\":[");
                    if (k.list().isEmpty()) {
                        for (int i = 0; i < n; i++) {
                            w.write((i == 0 ? "" : ",") + "{\"Target\":\"" + IMAGE + " (debian 12.5)\"}");
                        }
                    } else {
                        w.write("{\"Target\":\"" + IMAGE + " (debian 12.5)\",\"Class\":\"os-pkgs\",\""
                                + k.list() + "\":[");
                        for (int i = 0; i < n; i++) {
                            w.write((i == 0 ? "" : ",") + k.entry().apply(i));
                        }
                        w.write("]}");
                    }
                    w.write("]}");
                }
                Files.writeString(dir.resolve("deploy.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n"
                        + "spec:\n  containers:\n    - name: app\n      image: " + IMAGE + "\n");
                MemoryBudget budget = MemoryBudget.of(Long.MAX_VALUE / 4);
                long start = used();
                Object read = new TrivyReportReader(budget).read(report, "report.json");
                long held;
                try {
                    held = used() - start;
                } finally {
                    java.lang.ref.Reference.reachabilityFence(read);
                }
                read = null;
                long charged = budget.limit() - budget.available();
                long before = used();
                GateOutcome outcome = gate(dir);
                try {
                    long kept = used() - before;
                    System.out.printf(Locale.ROOT, "%-46s %,14d %,14d %,14d %,14d%n", k.name(), held / n, kept / n,
                            (held + kept) / n, charged / n);
                    if (outcome.hasInputErrors()) {
                        throw new IllegalStateException("the report was refused: " + outcome.diagnostics());
                    }
                } finally {
                    java.lang.ref.Reference.reachabilityFence(outcome);
                }
            } finally {
                delete(dir);
            }
        }
    }

    /** A vulnerability as {@link #generate} writes it, with the given title. */
    private static String vulnerability(final int n, final String title) {
        int pkg = n / 5 % 3000;
        return "{\"VulnerabilityID\":\"CVE-2026-" + n + "\",\"PkgName\":\"pkg" + pkg + "\",\"InstalledVersion\":\"1."
                + pkg % 40 + "\",\"FixedVersion\":\"2.0\",\"Status\":\"fixed\",\"Title\":\"" + title + " " + n
                + "\",\"Severity\":\"HIGH\"}";
    }

    /**
     * A report with a fifth more vulnerabilities than this heap's budget allows: the gate must refuse it with an input
     * error (exit 3) before the heap runs out, not die of an OutOfMemoryError.
     */
    private static void overTheLimit() throws IOException {
        Path dir = Files.createTempDirectory("k8sgate-trivy-limit");
        try {
            long allowed = MemoryBudget.ofHeap().limit() / TrivyReportReader.BYTES_PER_VULNERABILITY;
            int vulns = generate(dir.resolve("report.json"), Long.MAX_VALUE, allowed + allowed / 5);
            Files.writeString(dir.resolve("deploy.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n"
                    + "spec:\n  containers:\n    - name: app\n      image: " + IMAGE + "\n");
            long start = System.nanoTime();
            GateOutcome outcome = gate(dir);
            double millis = (System.nanoTime() - start) / 1e6;
            String refusal = outcome.diagnostics().stream().filter(io.k8sgate.core.model.Diagnostic::isError)
                    .map(io.k8sgate.core.model.Diagnostic::message).findFirst().orElse("(none: the report was read)");
            System.out.printf(Locale.ROOT, "%nOver the limit: %,d vulnerabilities (%,d MB) where the budget allows "
                    + "%,d: %s after %.0f ms, peak heap %d MB%n  %s%n", vulns, Files.size(dir.resolve("report.json"))
                    >> 20, allowed, outcome.hasInputErrors() ? "refused (exit 3)" : "read", millis,
                    java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                            .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                            .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20,
                    refusal.length() > 160 ? refusal.substring(0, 160) + "..." : refusal);
        } finally {
            delete(dir);
        }
    }

    private static void delete(final Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * The heap a gated report keeps (its typed vulnerabilities and their findings), per the collector after the run:
     * what the gate's memory budget charges per vulnerability must stay above it.
     */
    private static long kept(final Path dir) {
        long before = used();
        GateOutcome outcome = gate(dir);
        long after = used();
        return outcome.findings().isEmpty() ? 0 : after - before;
    }

    private static long used() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /** The baseline: Jackson's streaming parser reading every token of the file, building nothing. */
    static Object rawTokens(final Path file) throws IOException {
        long tokens = 0;
        try (com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory()
                .createParser(file.toFile())) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    /**
     * For comparison: Jackson's stream with every string value decoded and every number read, which is the least any
     * reader that builds a model from the report does (it still builds nothing).
     */
    static Object rawTokensAndText(final Path file) throws IOException {
        long sum = 0;
        try (com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory()
                .createParser(file.toFile())) {
            for (com.fasterxml.jackson.core.JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                    sum += p.getTextLength() + p.getTextCharacters()[p.getTextOffset()];
                } else if (t.isNumeric()) {
                    sum += (long) p.getDoubleValue();
                }
            }
        }
        return sum;
    }

    private static GateOutcome gate(final Path dir) {
        return new SecurityGate().run(GateRequest.of(dir, List.of("deploy.yaml"))
                .withTrivy(List.of("report.json"), List.of(), List.of()));
    }

    /** Writes a schema 2 image report of about {@code bytes} bytes; returns the number of vulnerabilities. */
    static int generate(final Path file, final long bytes) throws IOException {
        return generate(file, bytes, Long.MAX_VALUE);
    }

    /**
     * Writes a schema 2 image report of about {@code bytes} bytes or {@code count} vulnerabilities, what comes first.
     */
    static int generate(final Path file, final long bytes, final long count) throws IOException {
        int n = 0;
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String head = "{\"SchemaVersion\":2,\"ArtifactName\":\"" + IMAGE
                    + "\",\"ArtifactType\":\"container_image\","
                    + "\"Metadata\":{\"OS\":{\"Family\":\"debian\",\"Name\":\"12.5\"},\"RepoTags\":[\"" + IMAGE
                    + "\"]},\"Results\":[{\"Target\":\"" + IMAGE + " (debian 12.5)\",\"Class\":\"os-pkgs\","
                    + "\"Type\":\"debian\",\"Vulnerabilities\":[";
            w.write(head);
            written += head.length();
            while (written < bytes && n < count) {
                String v = (n == 0 ? "" : ",") + typical(n);
                w.write(v);
                written += v.length();
                n++;
            }
            w.write("]}]}");
        }
        return n;
    }

    /**
     * The {@code n}th vulnerability of a generated report. Trivy lists vulnerabilities package by package: a run of
     * five per package, as in real reports (85 % of neighbouring vulnerabilities in the Trivy reports of the
     * conformance corpus share their package and version).
     */
    private static String typical(final int n) {
        int pkg = n / 5 % 3000;
        return "{\"VulnerabilityID\":\"CVE-2026-" + n + "\",\"PkgName\":\"pkg"
                + pkg + "\",\"PkgIdentifier\":{\"PURL\":\"pkg:deb/debian/pkg" + pkg + "@1."
                + pkg % 40 + "?arch=amd64\"},\"InstalledVersion\":\"1." + pkg % 40 + "\",\"FixedVersion\":\""
                + (n % 3 == 0 ? "" : "2.0") + "\",\"Status\":\"" + (n % 3 == 0 ? "affected" : "fixed")
                + "\",\"SeveritySource\":\"debian\",\"PrimaryURL\":\"https://avd.aquasec.com/nvd/cve-2026-" + n
                + "\",\"Title\":\"pkg" + pkg + ": example flaw " + n + "\",\"Description\":\""
                + "A flaw was found in the example package that allows a remote attacker to cause harm. "
                .repeat(4) + "\",\"Severity\":\"" + SEVERITIES[n % SEVERITIES.length]
                + "\",\"CweIDs\":[\"CWE-787\"],\"VendorSeverity\":{\"debian\":2,\"nvd\":3,\"redhat\":2},"
                + "\"CVSS\":{\"nvd\":{\"V3Vector\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\","
                + "\"V3Score\":9.8},\"redhat\":{\"V3Vector\":\"CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N\","
                + "\"V3Score\":5.9}},\"References\":[\"https://security-tracker.debian.org/tracker/CVE-2026-"
                + n + "\",\"https://nvd.nist.gov/vuln/detail/CVE-2026-" + n + "\"],\"PublishedDate\":"
                + "\"2026-01-01T00:00:00Z\",\"LastModifiedDate\":\"2026-02-01T00:00:00Z\"}";
    }
}
