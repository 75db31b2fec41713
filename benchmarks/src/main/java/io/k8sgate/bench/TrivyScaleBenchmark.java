package io.k8sgate.bench;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
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
        List<Integer> sizes = Measure.sizes(args, 1, 10, 100);
        System.out.printf(Locale.ROOT, "Java %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "%6s %15s %11s %13s %9s %12s %12s %9s %13s%n", "MB", "vulnerabilities",
                "jackson ms", "jackson+text", "read ms", "speed ratio", "vs +text", "gate ms", "peak heap MB");
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
                System.out.printf(Locale.ROOT, "%6d %15d %11.1f %13.1f %9.1f %11.2fx %11.2fx %9.0f %13d%n", mb, vulns,
                        ingest.baseline().medianMillis(), withText.medianMillis(), ingest.candidate().medianMillis(),
                        1 / ingest.medianRatio(), 1 / textual.medianRatio(),
                        gate.medianMillis(), Math.max(ingest.candidate().peakHeapBytes(), gate.peakHeapBytes()) >> 20);
            } finally {
                try (Stream<Path> s = Files.walk(dir)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
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
        int n = 0;
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String head = "{\"SchemaVersion\":2,\"ArtifactName\":\"" + IMAGE + "\",\"ArtifactType\":\"container_image\","
                    + "\"Metadata\":{\"OS\":{\"Family\":\"debian\",\"Name\":\"12.5\"},\"RepoTags\":[\"" + IMAGE
                    + "\"]},\"Results\":[{\"Target\":\"" + IMAGE + " (debian 12.5)\",\"Class\":\"os-pkgs\","
                    + "\"Type\":\"debian\",\"Vulnerabilities\":[";
            w.write(head);
            written += head.length();
            while (written < bytes) {
                // Trivy lists vulnerabilities package by package: a run of five per package, as in real reports
                // (85 % of neighbouring vulnerabilities in the Trivy reports of the conformance corpus share their
                // package and version).
                int pkg = n / 5 % 3000;
                String v = (n == 0 ? "" : ",") + "{\"VulnerabilityID\":\"CVE-2026-" + n + "\",\"PkgName\":\"pkg"
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
                w.write(v);
                written += v.length();
                n++;
            }
            w.write("]}]}");
        }
        return n;
    }
}
