package io.k8sgate.core.check.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.input.trivy.IgnoreFileReader;
import io.k8sgate.core.input.trivy.IgnoreRule;
import io.k8sgate.core.input.trivy.OpenVexReader;
import io.k8sgate.core.input.trivy.TrivyDocument;
import io.k8sgate.core.input.trivy.TrivyReportReader;
import io.k8sgate.core.input.trivy.TrivyReports;
import io.k8sgate.core.input.trivy.VexStatement;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.fixtures.Fixtures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VulnerableImageCheckTest extends AbstractImageCheckTest {
    private static final String WEB = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
            spec:
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                    - name: app
                      image: registry.example.com/shop/web:1.4.2
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: debug
              namespace: ops
            spec:
              containers:
                - name: shell
                  image: registry.example.com/shop/web@sha256:%s
            """.formatted("a".repeat(64));

    @Override
    protected Check check() {
        return new VulnerableImageCheck();
    }

    private static TrivyDocument image() {
        return new TrivyReportReader().read(Fixtures.path("trivy/trivy_schema2_image.json"), "web.json");
    }

    private List<Finding> run(final String yaml, final ImageSettings settings, final TrivyReports reports) {
        return check().evaluate(CheckContext.of(objects(yaml), CheckSettings.DEFAULT)
                .with(ImageSettings.class, settings).with(TrivyReports.class, reports));
    }

    private List<Finding> run(final ImageSettings settings) {
        return run(WEB, settings, TrivyReports.of(List.of(image()), TODAY));
    }

    private static Map<String, Severity> severities(final List<Finding> found) {
        return found.stream().collect(Collectors.toMap(f -> f.properties().get("vulnerabilityId") + "/"
                + f.properties().get("package"), Finding::severity));
    }

    private static ImageSettings settings(final String source, final Optional<Double> cvss, final boolean fixable,
            final boolean ignoreUnfixed) {
        return new ImageSettings(new SeveritySource(source), cvss, fixable, ignoreUnfixed, Severity.MEDIUM,
                Severity.MEDIUM, true, List.of(), Map.of());
    }

    @Test
    void shouldReportOneFindingPerVulnerabilityAndImageNamingEveryDeployment() {
        List<Finding> found = run(ImageSettings.DEFAULT);
        assertThat(found).hasSize(6);
        Finding ssl = found.stream().filter(f -> "libssl3".equals(f.properties().get("package"))).findFirst()
                .orElseThrow();
        assertThat(ssl.resource().kind()).isEqualTo("Image");
        assertThat(ssl.resource().name()).isEqualTo("registry.example.com/shop/web:1.4.2");
        assertThat(ssl.location().line()).isEqualTo(15);
        assertThat(ssl.message()).contains("CVE-2024-0001 in libssl3 3.0.11-1~deb12u2 (fixed in 3.0.13-1~deb12u1)",
                "Deployment/shop/web [app]", "Pod/ops/debug [shell]", "https://avd.aquasec.com/nvd/cve-2024-0001");
        assertThat(ssl.properties()).containsEntry("workloads", "Deployment/shop/web [app], Pod/ops/debug [shell]")
                .containsEntry("installedVersion", "3.0.11-1~deb12u2").containsEntry("fixedVersion",
                        "3.0.13-1~deb12u1").containsEntry("report", "web.json").containsEntry("cvss", "9.1");
        Finding unfixed = found.stream().filter(f -> "CVE-2023-0002".equals(f.properties().get("vulnerabilityId")))
                .findFirst().orElseThrow();
        assertThat(unfixed.message()).contains("(no fix known)");
    }

    @Test
    void shouldTakeSeveritiesFromTrivyVendorOrCvssAsConfigured() {
        assertThat(severities(run(ImageSettings.DEFAULT))).containsEntry("CVE-2024-0001/libssl3", Severity.CRITICAL)
                .containsEntry("CVE-2023-0002/libc6", Severity.HIGH)
                .containsEntry("TEMP-0841856-B18BAF/bash", Severity.MEDIUM)
                .containsEntry("GHSA-aaaa-bbbb-cccc/activesupport", Severity.MEDIUM);
        assertThat(severities(run(settings("nvd", Optional.empty(), false, false))))
                .containsEntry("CVE-2024-0001/libssl3", Severity.HIGH)
                .containsEntry("GHSA-aaaa-bbbb-cccc/activesupport", Severity.CRITICAL)
                .as("not rated by nvd: Trivy's own").containsEntry("TEMP-0841856-B18BAF/bash", Severity.MEDIUM);
        assertThat(severities(run(settings("debian", Optional.empty(), false, false))))
                .containsEntry("CVE-2023-0002/libc6", Severity.LOW);
        assertThat(severities(run(settings("cvss", Optional.empty(), false, false))))
                .containsEntry("CVE-2024-0001/libssl3", Severity.CRITICAL)
                .containsEntry("CVE-2023-0002/libc6", Severity.HIGH)
                .as("CVSS 4.0 score 6.9").containsEntry("CVE-2025-0003/zlib1g", Severity.MEDIUM)
                .as("the severity source's own CVSS (ghsa 5.9), not nvd's 9.8")
                .containsEntry("GHSA-aaaa-bbbb-cccc/activesupport", Severity.MEDIUM);
    }

    @Test
    void shouldKeepVulnerabilitiesUnderTheCvssThresholdAsInfo() {
        List<Finding> found = run(settings("trivy", Optional.of(8.0), false, false));
        assertThat(severities(found)).containsEntry("CVE-2024-0001/libssl3", Severity.CRITICAL)
                .containsEntry("CVE-2023-0002/libc6", Severity.INFO)
                .as("no score: keeps its severity").containsEntry("TEMP-0841856-B18BAF/bash", Severity.MEDIUM);
        assertThat(found).filteredOn(f -> f.severity() == Severity.INFO).allSatisfy(f -> assertThat(
                f.properties().get("demotedBy")).startsWith("CVSS"));
    }

    @Test
    void shouldDemoteUnfixedWithFixableOnlyAndDropThemWithIgnoreUnfixed() {
        assertThat(severities(run(settings("trivy", Optional.empty(), true, false))))
                .containsEntry("CVE-2023-0002/libc6", Severity.INFO)
                .containsEntry("TEMP-0841856-B18BAF/bash", Severity.INFO)
                .containsEntry("GHSA-aaaa-bbbb-cccc/activesupport", Severity.MEDIUM);
        assertThat(severities(run(settings("trivy", Optional.empty(), false, true)))).hasSize(4)
                .doesNotContainKeys("CVE-2023-0002/libc6", "TEMP-0841856-B18BAF/bash");
    }

    @Test
    void shouldRaiseSeverityForPrivilegedOrHostNamespaceWorkloadsAndForAnAttachedRisk() {
        String privileged = WEB.replace("      image: registry.example.com/shop/web:1.4.2",
                "      image: registry.example.com/shop/web:1.4.2\n          securityContext:\n"
                        + "            privileged: true");
        Map<String, Severity> raised = severities(run(privileged, ImageSettings.DEFAULT,
                TrivyReports.of(List.of(image()), TODAY)));
        assertThat(raised).containsEntry("CVE-2023-0002/libc6", Severity.CRITICAL)
                .containsEntry("CVE-2025-0003/zlib1g", Severity.MEDIUM);
        String host = WEB.replace("spec:\n  containers:", "spec:\n  hostPID: true\n  containers:");
        List<Finding> hostFound = run(host, ImageSettings.DEFAULT, TrivyReports.of(List.of(image()), TODAY));
        assertThat(hostFound).filteredOn(f -> f.severity() != Severity.CRITICAL).isNotEmpty()
                .allSatisfy(f -> assertThat(f.properties().get("escalatedBy"))
                .contains("Pod/ops/debug uses hostPID"));
        List<Finding> risky = check().evaluate(CheckContext.of(objects(WEB), CheckSettings.DEFAULT)
                .with(TrivyReports.class, TrivyReports.of(List.of(image()), TODAY))
                .with(WorkloadRisk.class, w -> "web".equals(w.object().name()) ? Optional.of("its service account "
                        + "can read secrets") : Optional.empty()));
        assertThat(severities(risky)).containsEntry("CVE-2023-0002/libc6", Severity.CRITICAL);
        ImageSettings off = new ImageSettings(SeveritySource.TRIVY, Optional.empty(), false, false, Severity.MEDIUM,
                Severity.MEDIUM, false, List.of(), Map.of());
        assertThat(severities(run(privileged, off, TrivyReports.of(List.of(image()), TODAY))))
                .containsEntry("CVE-2023-0002/libc6", Severity.HIGH);
    }

    @Test
    void shouldKeepTheFingerprintAcrossTagBumpsAndNotAcrossPackagesOrRepositories() {
        String bumped = WEB.replace("web:1.4.2", "web:1.4.3");
        TrivyDocument bumpedReport = new TrivyReportReader().read(new java.io.ByteArrayInputStream(
                Fixtures.read("trivy/trivy_schema2_image.json").replace("web:1.4.2", "web:1.4.3")
                        .replace("aaaaaaaa", "bbbbbbbb").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "web-1.4.3.json");
        Map<String, String> before = fingerprints(run(ImageSettings.DEFAULT));
        Map<String, String> after = fingerprints(run(bumped, ImageSettings.DEFAULT,
                TrivyReports.of(List.of(bumpedReport), TODAY)));
        assertThat(after).isEqualTo(before);
        assertThat(before.values()).doesNotHaveDuplicates();
        String otherRepo = WEB.replace("shop/web", "shop/web2");
        TrivyDocument otherReport = new TrivyReportReader().read(new java.io.ByteArrayInputStream(
                Fixtures.read("trivy/trivy_schema2_image.json").replace("shop/web", "shop/web2")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)), "web2.json");
        assertThat(fingerprints(run(otherRepo, ImageSettings.DEFAULT, TrivyReports.of(List.of(otherReport), TODAY)))
                .values()).doesNotContainAnyElementsOf(before.values());
    }

    private static Map<String, String> fingerprints(final List<Finding> found) {
        return found.stream().collect(Collectors.toMap(f -> f.properties().get("vulnerabilityId") + "/"
                + f.properties().get("package"), Finding::fingerprint));
    }

    @Test
    void shouldApplyTheTrivyignoreTextFileWithItsExpiry() {
        List<Diagnostic> problems = new ArrayList<>();
        List<IgnoreRule> rules = new IgnoreFileReader().parse(".trivyignore",
                Fixtures.read("trivy/ignore/.trivyignore"), problems::add);
        assertThat(problems).singleElement().satisfies(d -> {
            assertThat(d.location().line()).isEqualTo(6);
            assertThat(d.message()).contains("exp:2026-13-45", "CVE-2025-0003 is not suppressed");
        });
        Map<String, Boolean> today = suppressed(run(WEB, ImageSettings.DEFAULT,
                new TrivyReports(List.of(image()), rules, List.of(), TODAY)));
        assertThat(today).containsEntry("CVE-2023-0002/libc6", true).containsEntry("CVE-2024-0001/libssl3", true)
                .containsEntry("CVE-2024-0001/openssl", true)
                .as("expired on 2025-01-01").containsEntry("GHSA-aaaa-bbbb-cccc/activesupport", false)
                .as("line with a broken date dropped").containsEntry("CVE-2025-0003/zlib1g", false);
        Map<String, Boolean> onExpiryDay = suppressed(run(WEB, ImageSettings.DEFAULT,
                new TrivyReports(List.of(image()), rules, List.of(), LocalDate.of(2026, 6, 1))));
        assertThat(onExpiryDay).as("Trivy drops the entry from the start of its expiry day")
                .containsEntry("CVE-2024-0001/libssl3", false).containsEntry("CVE-2023-0002/libc6", true);
        Map<String, Boolean> dayBefore = suppressed(run(WEB, ImageSettings.DEFAULT,
                new TrivyReports(List.of(image()), rules, List.of(), LocalDate.of(2026, 5, 31))));
        assertThat(dayBefore).containsEntry("CVE-2024-0001/libssl3", true);
        Finding ssl = run(WEB, ImageSettings.DEFAULT, new TrivyReports(List.of(image()), rules, List.of(), TODAY))
                .stream().filter(f -> "libssl3".equals(f.properties().get("package"))).findFirst().orElseThrow();
        assertThat(ssl.suppression().orElseThrow().expires()).contains(LocalDate.of(2026, 5, 31));
        assertThat(ssl.suppression().orElseThrow().origin().line()).isEqualTo(3);
    }

    @Test
    void shouldApplyTheTrivyignoreYamlWithPathsPurlsAndStatements() {
        List<Diagnostic> problems = new ArrayList<>();
        List<IgnoreRule> rules = new IgnoreFileReader().parse("trivyignore.yaml",
                Fixtures.read("trivy/ignore/trivyignore.yaml"), problems::add);
        assertThat(problems).isEmpty();
        List<Finding> found = run(WEB, ImageSettings.DEFAULT, new TrivyReports(List.of(image()), rules, List.of(),
                TODAY));
        assertThat(suppressed(found)).as("purl names openssl only").containsEntry("CVE-2024-0001/openssl", true)
                .containsEntry("CVE-2024-0001/libssl3", false)
                .as("glob on the package path").containsEntry("GHSA-aaaa-bbbb-cccc/activesupport", true)
                .as("path does not match").containsEntry("CVE-2023-0002/libc6", false)
                .as("expired_at 2026-01-01").containsEntry("CVE-2025-0003/zlib1g", false);
        assertThat(found).filteredOn(f -> "openssl".equals(f.properties().get("package"))).singleElement()
                .satisfies(f -> assertThat(f.suppression().orElseThrow().reason())
                        .isEqualTo("openssl CLI is not used at runtime"));
    }

    @Test
    void shouldSuppressOnlyNotAffectedVexStatementsShowingTheJustification() {
        List<Diagnostic> problems = new ArrayList<>();
        List<VexStatement> vex = new OpenVexReader().parse("openvex.json", Fixtures.read("trivy/vex/openvex.json"),
                problems::add);
        assertThat(problems).isEmpty();
        List<Finding> found = run(WEB, ImageSettings.DEFAULT, new TrivyReports(List.of(image()), List.of(), vex,
                TODAY));
        assertThat(suppressed(found)).containsEntry("CVE-2023-0002/libc6", true)
                .as("under_investigation").containsEntry("CVE-2024-0001/libssl3", false)
                .as("affected").containsEntry("GHSA-aaaa-bbbb-cccc/activesupport", false)
                .as("another image").containsEntry("CVE-2025-0003/zlib1g", false);
        Finding libc = found.stream().filter(f -> "libc6".equals(f.properties().get("package"))).findFirst()
                .orElseThrow();
        assertThat(libc.suppression().orElseThrow()).satisfies(s -> {
            assertThat(s.source()).isEqualTo("vex");
            assertThat(s.owner()).isEqualTo("Shop security team");
            assertThat(s.reason()).isEqualTo("not_affected: vulnerable_code_not_in_execute_path (the affected "
                    + "resolver function is never called)");
            assertThat(s.origin().line()).isEqualTo(8);
        });
    }

    private static Map<String, Boolean> suppressed(final List<Finding> found) {
        return found.stream().collect(Collectors.toMap(f -> f.properties().get("vulnerabilityId") + "/"
                + f.properties().get("package"), Finding::isSuppressed));
    }

    @Test
    void shouldCorrelateClusterScansAndOperatorReportsWithTheManifests() {
        Function<String, TrivyDocument> read = name -> new TrivyReportReader().read(Fixtures.path("trivy/" + name),
                name);
        String yaml = WEB + "---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: proxy\n"
                + "  namespace: kube-system\nspec:\n  selector:\n    matchLabels: {app: proxy}\n  template:\n"
                + "    metadata:\n      labels: {app: proxy}\n    spec:\n      containers:\n        - name: proxy\n"
                + "          image: istio/proxyv2:1.20.0\n";
        for (String name : List.of("trivy_k8s_0.48_metadata_object.json", "trivy_k8s_0.41_split_lists.json",
                "trivy_operator_vulnerabilityreport.yaml", "cyclonedx_1.6_vulnerabilities.json")) {
            List<Finding> found = run(yaml, ImageSettings.DEFAULT, TrivyReports.of(List.of(read.apply(name)), TODAY));
            assertThat(found).as(name).isNotEmpty().anySatisfy(f -> assertThat(f.resource().name())
                    .isEqualTo("registry.example.com/shop/web:1.4.2"));
        }
        List<Finding> cluster = run(yaml, ImageSettings.DEFAULT, TrivyReports.of(List.of(read.apply(
                "trivy_k8s_0.48_metadata_object.json")), TODAY));
        assertThat(cluster).extracting(f -> f.resource().name()).containsOnly("registry.example.com/shop/web:1.4.2",
                "docker.io/istio/proxyv2:1.20.0");
        assertThat(cluster).filteredOn(f -> f.properties().get("vulnerabilityId").equals("CVE-2023-0030"))
                .singleElement().satisfies(f -> assertThat(f.severity()).as("UNKNOWN as configured")
                        .isEqualTo(Severity.MEDIUM));
    }

    private static final String CLUSTER = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: coredns
              namespace: kube-system
            spec:
              selector:
                matchLabels: {k8s-app: kube-dns}
              template:
                metadata:
                  labels: {k8s-app: kube-dns}
                spec:
                  containers:
                    - name: coredns
                      image: registry.k8s.io/coredns/coredns:v1.11.1
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
            spec:
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                    - name: web
                      image: registry.example.com/shop/web:1.4.2
                    - name: metrics
                      image: registry.example.com/shop/metrics:0.9
            """;

    private static TrivyReports summary() {
        return TrivyReports.of(List.of(new TrivyReportReader().read(
                Fixtures.path("trivy/trivy_k8s_summary_go_binaries.json"), "cluster.json")), TODAY);
    }

    /** Issue 17: a vulnerability in a result that names no image belongs to the workload the scan names. */
    @Test
    void shouldAttachVulnerabilitiesOfResultsWithoutAnImageToTheirWorkloadIssue17() {
        List<Finding> found = run(CLUSTER, ImageSettings.DEFAULT, summary());

        assertThat(found).extracting(f -> f.properties().get("vulnerabilityId")).containsExactlyInAnyOrder(
                "CVE-2023-44487", "CVE-2023-45288", "CVE-2024-0001", "CVE-2023-39325");
        Finding coredns = found.stream().filter(f -> "CVE-2023-44487".equals(f.properties().get("vulnerabilityId")))
                .findFirst().orElseThrow();
        assertThat(coredns.properties()).as("the workload runs one image: it is that image's")
                .containsEntry("image", "registry.k8s.io/coredns/coredns:v1.11.1")
                .containsEntry("target", "coredns").containsKey("imageFrom");
        assertThat(coredns.message()).contains("of image registry.k8s.io/coredns/coredns:v1.11.1",
                "Deployment/kube-system/coredns [coredns]");
        Finding exporter = found.stream().filter(f -> "CVE-2023-39325".equals(f.properties().get("vulnerabilityId")))
                .findFirst().orElseThrow();
        assertThat(exporter.resource().display()).as("two images: the workload's").isEqualTo("Deployment/shop/web");
        assertThat(exporter.properties()).doesNotContainKey("image").containsEntry("images",
                "registry.example.com/shop/web:1.4.2, registry.example.com/shop/metrics:0.9");
        assertThat(exporter.location().line()).as("the containers of web").isEqualTo(29);
        assertThat(exporter.message()).contains("one of the images of Deployment/shop/web");
        assertThat(exporter.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void shouldNoteClusterScanVulnerabilitiesOfObjectsTheManifestsDoNotHold() {
        CheckContext context = CheckContext.of(objects(WEB), CheckSettings.DEFAULT)
                .with(ImageSettings.class, ImageSettings.DEFAULT).with(TrivyReports.class, summary());
        assertThat(ImageUsage.of(context).notes()).extracting(Diagnostic::message)
                .contains("The cluster scan's 2 vulnerabilities of Deployment/kube-system/coredns (in results that "
                        + "name no image) match no object in the manifests");
    }
}
