package io.k8sgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k8sgate.core.policy.Verdict;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class MainTest {
    /** What one run printed and returned. */
    record Run(int code, String out, String err) {
    }

    static Run run(final String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static String root() {
        return Fixtures.root().toString();
    }

    /** Every command and subcommand, as the words that call it ({@code baseline diff}). */
    static Stream<String> commands() {
        List<String> all = new ArrayList<>();
        collect(new CommandLine(new Main()), "", all);
        return all.stream();
    }

    private static void collect(final CommandLine command, final String path, final List<String> all) {
        command.getSubcommands().forEach((name, sub) -> {
            String words = (path + " " + name).trim();
            all.add(words);
            collect(sub, words, all);
        });
    }

    @ParameterizedTest(name = "[{index}] {0} --help")
    @MethodSource("commands")
    void shouldShowTheHelpOfEveryCommandIssue16(final String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");

        Run r = run(args.toArray(String[]::new));

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Usage: k8s-security " + command).contains("-h, --help");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void shouldFailOnAPrivilegedPod() {
        Run r = run("check", "--root", root(), "samples/privileged/pod.yaml");
        assertThat(r.code()).isEqualTo(Verdict.EXIT_FAIL);
        assertThat(r.out()).contains("FAIL").contains("K8S-WL-001").contains("samples/privileged/pod.yaml:12");
    }

    @Test
    void shouldPassOnAHardenedDeployment() {
        Run r = run("check", "--root", root(), "samples/hardened");
        assertThat(r.code()).as(r.out()).isEqualTo(Verdict.EXIT_PASS);
        assertThat(r.out()).contains(": PASS");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"invalid/malformed.yaml, invalid/malformed.yaml:9, yaml-syntax",
        "invalid/helm-template.yaml, invalid/helm-template.yaml:4, Unrendered Helm template",
        "invalid/empty.yaml, invalid/empty.yaml, No Kubernetes objects"})
    void shouldExitWithInputErrorNamingTheFile(final String input, final String where, final String what) {
        Run r = run("check", "--root", root(), input);
        assertThat(r.code()).as(r.out()).isEqualTo(Verdict.EXIT_INPUT);
        assertThat(r.out()).contains(where).contains(what);
    }

    @Test
    void shouldExitWithUsageErrorOnABadPolicyNamingItsLine() {
        Run r = run("check", "--root", root(), "--policy", Fixtures.path("policies/unknown-key.yaml").toString(),
                "samples/hardened");
        assertThat(r.code()).isEqualTo(Verdict.EXIT_USAGE);
        assertThat(r.err()).contains("unknown-key.yaml:2").contains("failOnn");
    }

    @Test
    void shouldExitWithUsageErrorOnUnknownOptionsAndFormats() {
        assertThat(run("check", "--no-such-option").code()).isEqualTo(Verdict.EXIT_USAGE);
        Run r = run("check", "--root", root(), "--format", "pdf", "samples/hardened");
        assertThat(r.code()).isEqualTo(Verdict.EXIT_USAGE);
        assertThat(r.err()).contains("Unknown format 'pdf'");
        assertThat(run("check", "--root", root(), "--fail-on", "SOMETIMES", "samples/hardened").code())
                .isEqualTo(Verdict.EXIT_USAGE);
    }

    @Test
    void shouldWriteTheRequestedReports(@TempDir final Path out) throws IOException {
        Run r = run("check", "--root", root(), "--format", "json,sarif,junit,html,md", "--output-dir",
                out.toString(), "samples/privileged");
        assertThat(r.code()).isEqualTo(Verdict.EXIT_FAIL);
        assertThat(out.resolve("k8s-security-report.json")).exists();
        assertThat(out.resolve("k8s-security-report.sarif")).exists();
        assertThat(out.resolve("k8s-security-junit.xml")).exists();
        assertThat(out.resolve("k8s-security-report.html")).exists();
        assertThat(out.resolve("k8s-security-report.css")).exists();
        assertThat(out.resolve("k8s-security-summary.md")).exists();
        JsonNode json = new ObjectMapper().readTree(out.resolve("k8s-security-report.json").toFile());
        assertThat(json.path("decision").path("status").asText()).isEqualTo("FAIL");
        assertThat(r.out()).contains("Report: ");
    }

    @Test
    void shouldLetTheCommandLineOverrideThresholds() {
        Run r = run("check", "--root", root(), "--fail-on", "NONE", "--warn-on", "NONE", "samples/privileged");
        assertThat(r.code()).isEqualTo(Verdict.EXIT_PASS);
    }

    @Test
    void shouldRefuseInputsOutsideTheRoot(@TempDir final Path dir) throws IOException {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Files.copy(Fixtures.path("samples/privileged/pod.yaml"), dir.resolve("pod.yaml"));
        Run r = run("check", "--root", ws.toString(), "../pod.yaml");
        assertThat(r.code()).isEqualTo(Verdict.EXIT_INPUT);
        assertThat(r.out()).contains("outside the root");
    }

    @Test
    void shouldUseThePolicyFileInTheRootByDefault(@TempDir final Path dir) throws IOException {
        Files.copy(Fixtures.path("samples/privileged/pod.yaml"), dir.resolve("pod.yaml"));
        Files.writeString(dir.resolve("k8s-security.yaml"), "checks:\n  K8S-WL-001: false\nfailOn: NONE\n");
        Run r = run("check", "--root", dir.toString());
        assertThat(r.out()).doesNotContain("K8S-WL-001");
        assertThat(r.code()).isEqualTo(Verdict.EXIT_PASS);
    }

    @Test
    void shouldExitWithUsageErrorWhenACustomCheckDoesNotCompile() {
        Run r = run("check", "--root", root(), "samples/privileged", "--policy",
                Fixtures.path("rules/custom/compile-error.yaml").toString());

        assertThat(r.code()).isEqualTo(Verdict.EXIT_USAGE);
        assertThat(r.err()).contains("compile-error.yaml:10: column 18: customChecks[1] (ACME-011).expression does "
                + "not compile: undeclared reference to 'objet'");
    }

    @Test
    void shouldGateOnCustomChecksAndAdmissionPolicies() {
        Run custom = run("check", "--root", Fixtures.path("rules/custom").toString(), "manifests", "--policy",
                Fixtures.path("rules/custom/k8s-security.yaml").toString());
        Run admission = run("check", "--root", Fixtures.path("rules/admission/replica-limits").toString());

        assertThat(custom.code()).isEqualTo(Verdict.EXIT_FAIL);
        assertThat(custom.out()).contains("CRITICAL ACME-004 Deployment/prod/web manifests/app.yaml:8: host "
                + "networking in a restricted namespace");
        assertThat(admission.code()).isEqualTo(Verdict.EXIT_FAIL);
        assertThat(admission.out()).contains("VAP-replicalimit-policy.example.com Deployment/test-shop/too-many "
                + "apps.yaml:28: ValidatingAdmissionPolicy 'replicalimit-policy.example.com' with binding "
                + "'replicalimit-binding-test.example.com' denied request: object.spec.replicas must be no greater "
                + "than 3");
    }

    @Test
    void shouldEvaluateAdmissionPoliciesKeptApartFromTheManifests() {
        String scenario = Fixtures.path("rules/admission/replica-limits").toString();

        Run apart = run("check", "--root", scenario, "apps.yaml", "--admission-policies", "policy.yaml");
        Run without = run("check", "--root", scenario, "apps.yaml");

        assertThat(apart.code()).isEqualTo(Verdict.EXIT_FAIL);
        assertThat(apart.out()).contains("VAP-replicalimit-policy.example.com Deployment/test-shop/too-many "
                + "apps.yaml:28: ValidatingAdmissionPolicy 'replicalimit-policy.example.com' with binding "
                + "'replicalimit-binding-test.example.com' denied request").contains("resources in 1 files");
        assertThat(without.out()).doesNotContain("VAP-");
    }

    @Test
    void shouldPrintWhatTheReadmeShowsForTheOwnRulesSample() throws IOException {
        Path project = Path.of("").toAbsolutePath().getParent();
        String readme = Files.readString(project.resolve("README.md"));
        String prompt = "$ java -jar cli/target/k8s-security.jar ";
        String shown = readme.substring(readme.indexOf(prompt + "check samples/own-rules"));
        List<String> lines = shown.substring(0, shown.indexOf("\n\n")).lines().toList();
        List<String> args = new ArrayList<>(List.of(lines.get(0).substring(prompt.length()).split(" ")));
        args.addAll(1, List.of("--root", project.toString()));
        int policy = args.indexOf("--policy") + 1;
        args.set(policy, project.resolve(args.get(policy)).toString()); // from the project, as in the README

        Run r = run(args.toArray(String[]::new));

        assertThat(r.code()).isEqualTo(Verdict.EXIT_FAIL);
        assertThat(r.out().lines().skip(1).toList()).as(r.out()).containsExactlyElementsOf(lines.subList(2,
                lines.size()));
    }

    @Test
    void shouldListTheCustomChecksOfAPolicyInTheCatalogue() {
        String policy = Fixtures.path("rules/custom/k8s-security.yaml").toString();

        assertThat(run("checks", "--policy", policy).out()).contains("ACME-001     HIGH     custom    Images come "
                + "from our registry").contains("K8S-WL-001");
        assertThat(run("checks", "--policy", policy, "--markdown").out()).contains("| [ACME-003](#acme-003) | "
                + "Production runs at least two replicas | HIGH | custom |").contains("## ACME-006");
        assertThat(run("checks").out()).doesNotContain("ACME-001");
    }

    @Test
    void shouldListTheCatalogue() {
        Run r = run("checks");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("K8S-WL-001").contains("Privileged container")
                .contains("K8S-WL-056   retired: read as K8S-IMG-004");
        assertThat(run("checks", "--markdown").out()).startsWith("# Checks");
        assertThat(run("--version").out()).contains("k8s-security-gate");
    }
}
