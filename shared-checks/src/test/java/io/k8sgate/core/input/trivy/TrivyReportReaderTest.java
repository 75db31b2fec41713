package io.k8sgate.core.input.trivy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8sgate.fixtures.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TrivyReportReaderTest {
    private final TrivyReportReader reader = new TrivyReportReader();

    private TrivyDocument read(final String fixture) {
        return reader.read(Fixtures.path("trivy/" + fixture), fixture);
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("trivy_schema2_image.json", TrivyFormat.SCHEMA_2, 1, 6),
                Arguments.of("trivy_schema2_eosl.json", TrivyFormat.SCHEMA_2, 1, 1),
                Arguments.of("trivy_schema2_no_results.json", TrivyFormat.SCHEMA_2, 1, 0),
                Arguments.of("trivy_schema2_config.json", TrivyFormat.SCHEMA_2, 1, 0),
                Arguments.of("trivy_schema2_fs_secrets_licenses.json", TrivyFormat.SCHEMA_2, 1, 0),
                Arguments.of("trivy_legacy_0.19.json", TrivyFormat.LEGACY_LIST, 1, 2),
                Arguments.of("trivy_legacy_null.json", TrivyFormat.LEGACY_LIST, 0, 0),
                Arguments.of("trivy_object_without_schema.json", TrivyFormat.OBJECT_WITHOUT_SCHEMA, 1, 1),
                Arguments.of("trivy_k8s_0.41_split_lists.json", TrivyFormat.KUBERNETES, 2, 1),
                Arguments.of("trivy_k8s_0.48_metadata_object.json", TrivyFormat.KUBERNETES, 3, 3),
                Arguments.of("trivy_k8s_0.57_metadata_list.json", TrivyFormat.KUBERNETES, 3, 4),
                Arguments.of("trivy_k8s_summary_findings.json", TrivyFormat.KUBERNETES, 1, 2),
                Arguments.of("trivy_operator_vulnerabilityreport.yaml", TrivyFormat.OPERATOR, 1, 2),
                Arguments.of("trivy_operator_list.json", TrivyFormat.OPERATOR, 2, 1),
                Arguments.of("cyclonedx_1.6_vulnerabilities.json", TrivyFormat.CYCLONEDX, 1, 3),
                Arguments.of("trivy_schema2_key_case_and_nulls.json", TrivyFormat.SCHEMA_2, 1, 2),
                Arguments.of("trivy_k8s_summary_go_binaries.json", TrivyFormat.KUBERNETES, 4, 4),
                Arguments.of("trivy_operator_configauditreport.yaml", TrivyFormat.OPERATOR, 1, 0),
                Arguments.of("trivy_operator_exposedsecretreport.json", TrivyFormat.OPERATOR, 1, 0));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("formats")
    void shouldRecogniseEachFormatFromItsContent(final String fixture, final TrivyFormat format, final int artifacts,
            final int vulnerabilities) {
        TrivyDocument doc = read(fixture);
        assertThat(doc.format()).isEqualTo(format);
        assertThat(doc.reports()).hasSize(artifacts);
        assertThat(doc.vulnerabilityCount()).isEqualTo(vulnerabilities);
        assertThat(doc.reports()).allSatisfy(r -> assertThat(r.file()).isEqualTo(fixture));
    }

    @Test
    void shouldReadEveryFieldOfASchema2Vulnerability() {
        ScanReport report = read("trivy_schema2_image.json").reports().get(0);
        assertThat(report.artifactName()).isEqualTo("registry.example.com/shop/web:1.4.2");
        assertThat(report.artifactType()).isEqualTo("container_image");
        assertThat(report.os()).contains(new OsInfo("debian", "12.5", false));
        assertThat(report.repoDigests()).singleElement().asString().endsWith("aaaa");
        assertThat(report.isImage()).isTrue();
        Vulnerability v = report.results().get(0).vulnerabilities().get(0);
        assertThat(v.id()).isEqualTo("CVE-2024-0001");
        assertThat(v.pkgName()).isEqualTo("libssl3");
        assertThat(v.purl()).isEqualTo("pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12.5");
        assertThat(v.fixedVersion()).isEqualTo("3.0.13-1~deb12u1");
        assertThat(v.isFixable()).isTrue();
        assertThat(v.severity()).isEqualTo(TrivySeverity.CRITICAL);
        assertThat(v.severitySource()).isEqualTo("debian");
        assertThat(v.vendorSeverity()).containsEntry("nvd", TrivySeverity.HIGH).containsEntry("redhat",
                TrivySeverity.MEDIUM);
        assertThat(v.cvss().get("nvd").v3Score()).contains(9.1);
        assertThat(v.cvssScore()).as("the severity source has no CVSS: NVD's").contains(9.1);
        assertThat(v.link()).isEqualTo("https://avd.aquasec.com/nvd/cve-2024-0001");
    }

    @Test
    void shouldKeepUnknownSeverityMissingFixCvss4AndFreeTextFixedVersions() {
        List<Vulnerability> all = read("trivy_schema2_image.json").reports().get(0).vulnerabilities().toList();
        Vulnerability unknown = all.stream().filter(v -> v.id().startsWith("TEMP-")).findFirst().orElseThrow();
        assertThat(unknown.severity()).isEqualTo(TrivySeverity.UNKNOWN);
        assertThat(unknown.isFixable()).isFalse();
        assertThat(unknown.cvssScore()).isEmpty();
        Vulnerability cvss4 = all.stream().filter(v -> v.id().equals("CVE-2025-0003")).findFirst().orElseThrow();
        assertThat(cvss4.cvss().get("nvd").v40Score()).contains(6.9);
        assertThat(cvss4.cvssScore()).contains(6.9);
        Vulnerability gem = all.stream().filter(v -> v.id().startsWith("GHSA")).findFirst().orElseThrow();
        assertThat(gem.fixedVersion()).isEqualTo("6.0.3.1, 5.2.4.3");
        assertThat(gem.pkgPath()).endsWith("activesupport.gemspec");
        assertThat(gem.cvssScore()).as("the severity source's own score").contains(5.9);
        assertThat(gem.link()).isEqualTo("https://github.com/advisories/GHSA-aaaa-bbbb-cccc");
    }

    @Test
    void shouldDeriveImageAndOsFromTheTargetsOfLegacyLists() {
        ScanReport report = read("trivy_legacy_0.19.json").reports().get(0);
        assertThat(report.artifactName()).isEqualTo("nginx:1.16");
        assertThat(report.os()).contains(new OsInfo("debian", "10.1", false));
        assertThat(report.results()).hasSize(2);
        assertThat(report.results().get(1).vulnerabilities()).as("Vulnerabilities: null").isEmpty();
        assertThat(report.isImage()).isTrue();
    }

    /** Issue 17: OS targets whose version holds spaces and parentheses still name the image and its OS. */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("legacyTargets")
    void shouldRecogniseLegacyOsTargetsIssue17(final String target, final String image, final OsInfo os) {
        String list = "[{\"Target\": \"" + target + "\", \"Type\": \"x\", \"Vulnerabilities\": [{\"VulnerabilityID\": "
                + "\"CVE-1\", \"PkgName\": \"p\", \"Severity\": \"LOW\"}]}]";
        ScanReport report = reader.read(new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)), "old.json")
                .reports().get(0);
        assertThat(report.artifactName()).isEqualTo(image);
        assertThat(report.os()).contains(os);
        assertThat(report.isImage()).isTrue();
    }

    static Stream<Arguments> legacyTargets() {
        return Stream.of(
                Arguments.of("amazon:2 (amazon 2 (Karoo))", "amazon:2", new OsInfo("amazon", "2 (Karoo)", false)),
                Arguments.of("amazonlinux:1 (amazon AMI release 2018.03)", "amazonlinux:1",
                        new OsInfo("amazon", "AMI release 2018.03", false)),
                Arguments.of("registry.suse.com/suse/sle15:15.1 (suse linux enterprise server 15.1)",
                        "registry.suse.com/suse/sle15:15.1", new OsInfo("sles", "15.1", false)),
                Arguments.of("opensuse/leap:42.3 (opensuse.leap 42.3)", "opensuse/leap:42.3",
                        new OsInfo("opensuse-leap", "42.3", false)),
                Arguments.of("alpine:3.10 (alpine 3.10.2)", "alpine:3.10", new OsInfo("alpine", "3.10.2", false)));
    }

    /** Issue 17: results of a cluster scan that name no image stay with the workload, never with the wrong image. */
    @Test
    void shouldKeepResultsWithoutAnImageWithTheWorkloadIssue17() {
        List<ScanReport> reports = read("trivy_k8s_summary_go_binaries.json").reports();
        assertThat(reports).extracting(r -> r.workload().orElseThrow().display(), ScanReport::artifactName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Deployment/kube-system/coredns", ""),
                        org.assertj.core.groups.Tuple.tuple("Deployment/shop/web",
                                "registry.example.com/shop/web:1.4.2"),
                        org.assertj.core.groups.Tuple.tuple("Deployment/shop/web",
                                "registry.example.com/shop/metrics:0.9"),
                        org.assertj.core.groups.Tuple.tuple("Deployment/shop/web", ""));
        assertThat(reports.get(0).isImage()).isFalse();
        assertThat(reports.get(0).results()).extracting(ScanResult::target)
                .containsExactly("Deployment/coredns", "coredns");
        assertThat(reports.get(1).vulnerabilities()).extracting(Vulnerability::id).containsExactly("CVE-2024-0001");
        assertThat(reports.get(2).results()).as("the image without an OS result: its results cannot be told apart")
                .isEmpty();
        assertThat(reports.get(3).vulnerabilities()).extracting(Vulnerability::id).containsExactly("CVE-2023-39325");
    }

    /** Issue 17: Trivy-Operator's configuration audits and exposed secrets are read, not refused. */
    @Test
    void shouldReadOperatorConfigAuditsAndExposedSecretsIssue17() {
        ScanReport audit = read("trivy_operator_configauditreport.yaml").reports().get(0);
        assertThat(audit.isImage()).isFalse();
        assertThat(audit.workload()).contains(new WorkloadRef("shop", "ReplicaSet", "web-5d8f7c9b4", ""));
        assertThat(audit.results()).singleElement().satisfies(r -> {
            assertThat(r.target()).isEqualTo("ReplicaSet/web-5d8f7c9b4");
            assertThat(r.misconfigurations()).extracting(Misconfiguration::id, Misconfiguration::severity,
                    Misconfiguration::isFailure).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("KSV014", TrivySeverity.HIGH, true),
                            org.assertj.core.groups.Tuple.tuple("KSV011", TrivySeverity.LOW, true),
                            org.assertj.core.groups.Tuple.tuple("KSV001", TrivySeverity.MEDIUM, false));
            assertThat(r.misconfigurations().get(0).message()).contains("readOnlyRootFilesystem");
            assertThat(r.misconfigurations().get(0).resolution()).contains("'true'");
        });
        ScanReport secrets = read("trivy_operator_exposedsecretreport.json").reports().get(0);
        assertThat(secrets.isImage()).isTrue();
        assertThat(secrets.artifactName()).isEqualTo("registry.example.com/shop/web:1.4.2");
        assertThat(secrets.workload()).contains(new WorkloadRef("shop", "ReplicaSet", "web-5d8f7c9b4", "app"));
        assertThat(secrets.results()).extracting(ScanResult::target).containsExactly("/app/config/.env",
                "/root/.ssh/id_rsa");
        assertThat(secrets.results().get(0).secrets()).extracting(SecretFinding::ruleId)
                .containsExactly("aws-access-key-id", "github-pat");
        assertThat(secrets.toString()).doesNotContain("*****");
    }

    @Test
    void shouldReadCyclonedxOnePerAffectedPackageWithTheAdvisorySourcesRating() {
        ScanReport report = read("cyclonedx_1.6_vulnerabilities.json").reports().get(0);
        assertThat(report.isImage()).isTrue();
        assertThat(report.artifactName()).isEqualTo("registry.example.com/shop/web:1.4.2");
        List<Vulnerability> all = report.vulnerabilities().toList();
        assertThat(all).extracting(Vulnerability::pkgName).containsExactly("libssl3", "openssl", "activesupport");
        assertThat(all.get(1).fixedVersion()).isEqualTo("3.0.13-1~deb12u1");
        assertThat(all.get(2).severity()).isEqualTo(TrivySeverity.MEDIUM);
        assertThat(all.get(2).cvss().get("nvd").v2Score()).contains(7.5);
        assertThat(all.get(2).cvss().get("nvd").v3Score()).contains(9.8);
        assertThat(all.get(2).isFixable()).isFalse();
    }

    @Test
    void shouldTolerateClusterScanPlaceholdersAndKeepScanErrors() {
        List<ScanReport> reports = read("trivy_k8s_0.48_metadata_object.json").reports();
        assertThat(reports).extracting(r -> r.workload().orElseThrow().display())
                .containsExactly("Deployment/shop/broken", "Deployment/shop/web", "DaemonSet/kube-system/proxy");
        assertThat(reports.get(0).error()).hasValueSatisfying(e -> assertThat(e).startsWith("scan error"));
        assertThat(reports.get(1).artifactName()).isEqualTo("registry.example.com/shop/web:1.4.2");
        assertThat(reports.get(2).repoTags()).containsExactly("docker.io/istio/proxyv2:1.20.0");
    }

    @Test
    void shouldSplitAMultiContainerResourceIntoOneReportPerImage() {
        List<ScanReport> reports = read("trivy_k8s_0.57_metadata_list.json").reports();
        assertThat(reports).extracting(ScanReport::artifactName)
                .containsExactly("registry.example.com/shop/web:1.4.2", "alpine:3.10", "");
        assertThat(reports.get(0).vulnerabilities()).hasSize(2);
        assertThat(reports.get(1).os()).hasValueSatisfying(os -> assertThat(os.eosl()).isTrue());
        assertThat(reports.get(2).results().get(0).misconfigurations()).singleElement()
                .satisfies(m -> assertThat(m.startLine()).isEqualTo(6));
        assertThat(reports.get(2).isImage()).isFalse();
    }

    @Test
    void shouldReadOperatorReportsWithTheirWorkloadAndImage() {
        ScanReport yaml = read("trivy_operator_vulnerabilityreport.yaml").reports().get(0);
        assertThat(yaml.artifactName()).isEqualTo("registry.example.com/shop/web:1.4.2");
        assertThat(yaml.workload()).contains(new WorkloadRef("shop", "ReplicaSet", "web-5d8f7c9b4", "app"));
        assertThat(yaml.vulnerabilities().map(Vulnerability::isFixable)).containsExactly(true, false);
        ScanReport json = read("trivy_operator_list.json").reports().get(0);
        assertThat(json.artifactName()).isEqualTo("index.docker.io/library/redis:7.2@sha256:"
                + "c".repeat(64));
        assertThat(json.vulnerabilities().findFirst().orElseThrow().cvssScore()).contains(5.5);
    }

    @Test
    void shouldReadMisconfigurationsSecretsAndLicensesWithoutTheSecretText() {
        ScanReport config = read("trivy_schema2_config.json").reports().get(0);
        assertThat(config.isImage()).isFalse();
        assertThat(config.results().get(0).misconfigurations()).extracting(Misconfiguration::id,
                Misconfiguration::isFailure).containsExactly(org.assertj.core.groups.Tuple.tuple("DS-0002", true),
                        org.assertj.core.groups.Tuple.tuple("DS-0001", true),
                        org.assertj.core.groups.Tuple.tuple("DS-0005", false));
        ScanReport fs = read("trivy_schema2_fs_secrets_licenses.json").reports().get(0);
        SecretFinding secret = fs.results().get(0).secrets().get(0);
        assertThat(secret.toString()).doesNotContain("AKIAZZTOPSECRETVALUE1");
        assertThat(secret.startLine()).isEqualTo(4);
        assertThat(fs.results().get(1).licenses()).extracting(LicenseFinding::category)
                .containsExactly("forbidden", "notice");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badInputs")
    void shouldRefuseInputThatIsNotAReportNamingFileAndPosition(final String fixture, final String message,
            final int line) {
        assertThatThrownBy(() -> read(fixture)).isInstanceOf(ReportException.class)
                .hasMessageStartingWith(fixture + ": ").hasMessageContaining(message)
                .satisfies(e -> assertThat(((ReportException) e).line()).isEqualTo(line));
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("invalid/truncated.json", "is not valid JSON", 8),
                Arguments.of("invalid/spdx.json", "SPDX document", 2),
                Arguments.of("invalid/sarif.json", "SARIF log", 4),
                Arguments.of("invalid/trailing-garbage.json", "more JSON follows", 2));
    }

    /** Issue 16, item 5: a shape Trivy itself refuses hides findings when skipped; it is an input error instead. */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("wrongShapes")
    void shouldRefuseWrongShapesAndUnknownSeveritiesNamingPathAndLineIssue16(final String fixture,
            final String message, final int line) {
        assertThatThrownBy(() -> read("invalid/" + fixture)).isInstanceOf(ReportException.class)
                .hasMessageStartingWith("invalid/" + fixture + ": ").hasMessageContaining(message)
                .satisfies(e -> assertThat(((ReportException) e).line()).as("line").isEqualTo(line));
    }

    static Stream<Arguments> wrongShapes() {
        return Stream.of(
                Arguments.of("wrapped-in-list.json", "[0].SchemaVersion belongs to a whole report", 3),
                Arguments.of("nested-report-in-results.json", "Results[0].Results belongs to a whole report", 6),
                Arguments.of("vulnerabilities-object.json", "Results[0].Vulnerabilities is an object where Trivy "
                        + "writes a list", 6),
                Arguments.of("vulnerabilities-none.json", "Results[0].Vulnerabilities is a string (\"none\") where "
                        + "Trivy writes a list", 6),
                Arguments.of("severity-number.json", "Results[0].Vulnerabilities[0].Severity is a number (4) where "
                        + "Trivy writes a string", 8),
                Arguments.of("severity-typo.json", "Results[0].Vulnerabilities[0].Severity is \"HGIH\", which is "
                        + "not a Trivy severity (CRITICAL, HIGH, MEDIUM, LOW or UNKNOWN)", 8),
                Arguments.of("misconfiguration-severity.json", "Results[0].Misconfigurations[0].Severity is "
                        + "\"SEVERE\"", 8),
                Arguments.of("secrets-object.json", "Results[0].Secrets is an object where Trivy writes a list", 7),
                Arguments.of("metadata-repotags-string.json", "Metadata.RepoTags is a string", 7),
                Arguments.of("schema-version-string.json", "SchemaVersion is a string (\"2\") where Trivy writes "
                        + "an integer", 2),
                Arguments.of("target-number.json", "Results[0].Target is a number (42)", 5),
                Arguments.of("k8s-vulnerabilities-not-resources.json", "Vulnerabilities[0].VulnerabilityID belongs "
                        + "to a vulnerability", 4),
                Arguments.of("k8s-resource-results-object.json", "Resources[0].Results is an object where Trivy "
                        + "writes a list", 5),
                Arguments.of("operator-severity.yaml", "report.vulnerabilities[1].severity is \"Severe\"", 26),
                Arguments.of("operator-score-string.json", "report.vulnerabilities[0].score is a string (\"9.8\")",
                        8),
                Arguments.of("cyclonedx-severity.json", "vulnerabilities[0].ratings[0].severity is \"severe\", "
                        + "which is not a CycloneDX severity", 8));
    }

    @Test
    void shouldMatchKeysInAnyCaseAndReadNullsAsTrivyDoes() {
        ScanReport report = read("trivy_schema2_key_case_and_nulls.json").reports().get(0);
        assertThat(report.artifactName()).isEqualTo("registry.example.com/shop/web:1.4.2");
        assertThat(report.repoTags()).containsExactly("registry.example.com/shop/web:1.4.2");
        assertThat(report.os()).contains(new OsInfo("debian", "12.5", false));
        List<Vulnerability> all = report.vulnerabilities().toList();
        assertThat(all).extracting(Vulnerability::id, Vulnerability::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CVE-2024-0001", TrivySeverity.CRITICAL),
                org.assertj.core.groups.Tuple.tuple("CVE-2024-0002", TrivySeverity.UNKNOWN));
        assertThat(all.get(0).cvssScore()).contains(9.1);
        assertThat(all.get(0).vendorSeverity()).containsEntry("nvd", TrivySeverity.HIGH);
        assertThat(report.results()).hasSize(2);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("unrecognised")
    void shouldRefuseUnrecognisedFilesWithAClearMessage(final String fixture, final String message) {
        assertThatThrownBy(() -> read(fixture)).isInstanceOf(io.k8sgate.core.input.InputException.class)
                .hasMessageStartingWith(fixture + ": ").hasMessageContaining(message);
    }

    static Stream<Arguments> unrecognised() {
        return Stream.of(
                Arguments.of("invalid/not-a-report.json", "is not a Trivy report: a JSON object with keys [name, "
                        + "version, dependencies]"),
                Arguments.of("invalid/schema-version-3.json", "SchemaVersion 3"),
                Arguments.of("invalid/configmap.yaml", "is a ConfigMap"),
                Arguments.of("invalid/empty.json", "is empty"));
    }

    @Test
    void shouldStreamALargeGeneratedReportWithCorrectCounts() {
        int perSeverity = 4_000;
        String[] severities = {"CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"};
        InputStream generated = new GeneratedReport(severities, perSeverity);
        TrivyDocument doc = reader.read(generated, "generated.json");
        Map<TrivySeverity, Long> counts = new EnumMap<>(TrivySeverity.class);
        doc.reports().get(0).vulnerabilities().forEach(v -> counts.merge(v.severity(), 1L, Long::sum));
        assertThat(counts).containsOnlyKeys(TrivySeverity.values())
                .allSatisfy((s, n) -> assertThat(n).isEqualTo(perSeverity));
        assertThat(((GeneratedReport) generated).produced()).as("bytes read").isGreaterThan(4_000_000L);
    }

    /** A report produced on the fly while read, so the test never holds the file's text. */
    private static final class GeneratedReport extends InputStream {
        private static final byte[] HEAD = ("{\"SchemaVersion\":2,\"ArtifactName\":\"big:1\",\"Results\":[{\"Target\":"
                + "\"big:1 (debian 12.0)\",\"Class\":\"os-pkgs\",\"Vulnerabilities\":[")
                .getBytes(StandardCharsets.UTF_8);
        private static final byte[] TAIL = "]}]}".getBytes(StandardCharsets.UTF_8);
        private final String[] severities;
        private final int total;
        private int next;
        private byte[] chunk = HEAD;
        private int pos;
        private long produced;
        private boolean done;

        GeneratedReport(final String[] severities, final int perSeverity) {
            this.severities = severities;
            this.total = severities.length * perSeverity;
        }

        long produced() {
            return produced;
        }

        @Override
        public int read(final byte[] buffer, final int offset, final int length) throws IOException {
            int n = 0;
            while (n < length) {
                if (pos >= chunk.length) {
                    if (done) {
                        break;
                    }
                    refill();
                    continue;
                }
                int take = Math.min(length - n, chunk.length - pos);
                System.arraycopy(chunk, pos, buffer, offset + n, take);
                pos += take;
                n += take;
            }
            produced += n;
            return n == 0 && length > 0 ? -1 : n;
        }

        @Override
        public int read() throws IOException {
            while (pos >= chunk.length) {
                if (done) {
                    return -1;
                }
                refill();
            }
            produced++;
            return chunk[pos++] & 0xFF;
        }

        private void refill() {
            pos = 0;
            if (next < total) {
                String sev = severities[next % severities.length];
                chunk = ((next == 0 ? "" : ",") + "{\"VulnerabilityID\":\"CVE-2026-" + next + "\",\"PkgName\":\"pkg"
                        + next + "\",\"InstalledVersion\":\"1.0\",\"Severity\":\"" + sev + "\",\"Description\":\""
                        + "x".repeat(180) + "\",\"References\":[\"https://example.com/a\",\"https://example.com/b\"],"
                        + "\"CVSS\":{\"nvd\":{\"V3Score\":5.0}}}").getBytes(StandardCharsets.UTF_8);
                next++;
            } else {
                chunk = TAIL;
                done = true;
            }
        }
    }

    @Test
    void shouldReadAReportFromAStreamThatStartsWithWhitespaceAndByteOrderMark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "\n  {\"SchemaVersion\":2,\"ArtifactName\":\"x:1\"}".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        assertThat(reader.read(new ByteArrayInputStream(all), "bom.json").reports()).singleElement()
                .extracting(ScanReport::artifactName).isEqualTo("x:1");
    }
}
