package io.k8sgate.core.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.baseline.StoreLocation;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.policy.ConfigurationException;
import io.k8sgate.core.policy.Policy;
import io.k8sgate.core.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateOptionsTest {
    private static final Set<String> IDS = new SecurityGate().checkIds();

    @TempDir
    Path root;

    @Test
    void shouldHoldOneSetOfDefaults() {
        GateOptions options = GateOptions.of(root);

        assertThat(options.root()).isEqualTo(root.toAbsolutePath());
        assertThat(options.manifests()).isEmpty();
        assertThat(options.policyFile()).isEmpty();
        assertThat(options.failOn()).isEmpty();
        assertThat(options.warnOn()).isEmpty();
        assertThat(options.failOnInputError()).isEmpty();
        assertThat(options.newFindingsOnly()).isEmpty();
        assertThat(options.enableAll()).isFalse();
        assertThat(options.baseline()).isEmpty();
        assertThat(options.baselineVersion()).isEmpty();
        assertThat(options.baselineBranch()).isEmpty();
        assertThat(options.reference()).isEmpty();
        assertThat(options.trivyReports()).isEmpty();
        assertThat(options.trivyIgnoreFiles()).isEmpty();
        assertThat(options.vexFiles()).isEmpty();
        assertThat(options.charts()).isEmpty();
        assertThat(options.valuesFiles()).isEmpty();
        assertThat(options.setValues()).isEmpty();
        assertThat(options.release()).isEmpty();
        assertThat(options.namespace()).isEmpty();
        assertThat(options.kustomizeCommand()).isEmpty();
        assertThat(options.confineToRoot()).isTrue();
        assertThat(options.defaultManifests()).containsExactly(".");
        assertThat(options.admissionPolicies()).isEmpty();
        assertThat(options.formats()).containsExactly(ReportFormat.HTML, ReportFormat.JSON, ReportFormat.SARIF);
        assertThat(options.outputDirectory()).isEqualTo(root.toAbsolutePath().resolve("k8s-security-reports"));
        assertThat(options.consoleFindings()).isEqualTo(25);
        assertThat(options.clock()).isEqualTo(Clock.systemUTC());
        assertThat(options.environment()).isEqualTo(System.getenv());
    }

    @Test
    void shouldTakeBlankAndMissingValuesAsNotSet() {
        GateOptions options = GateOptions.builder(root).manifests(Arrays.asList(" ", null)).policyFile(null)
                .failOn(" ").warnOn(null).failOnInputError(null).newFindingsOnly(null).baseline("")
                .baselineVersion(null).baselineBranch(" ").trivyReports(null)
                .trivyIgnoreFiles(Arrays.asList("", " .trivyignore "))
                .vexFiles(List.of()).admissionPolicies(Arrays.asList(null, " ")).formatNames(Arrays.asList(null, ""))
                .outputDirectory(null).build();

        assertThat(options).isEqualTo(GateOptions.builder(root).trivyIgnoreFiles(List.of(".trivyignore"))
                .environment(options.environment()).build());
    }

    @Test
    void shouldResolveTheOutputDirectoryAgainstTheRootAndKeepFormatsInOrderOnce() {
        GateOptions options = GateOptions.builder(root).outputDirectory(Path.of("out/reports"))
                .formatNames(List.of("md", "JSON", "markdown", "junit")).build();

        assertThat(options.outputDirectory()).isEqualTo(root.toAbsolutePath().resolve("out/reports"));
        assertThat(options.formats()).containsExactly(ReportFormat.MARKDOWN, ReportFormat.JSON, ReportFormat.JUNIT);
        assertThat(GateOptions.builder(root).formats(List.of()).build().formats()).isEmpty();
    }

    @Test
    void shouldRefuseAnUnknownFormatANegativeFindingLimitAndARootThatIsNoDirectory() {
        assertThatThrownBy(() -> GateOptions.builder(root).formatNames(List.of("html", "pdf")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Unknown format 'pdf'");
        assertThatThrownBy(() -> GateOptions.builder(root).consoleFindings(-1).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> GateOptions.of(root.resolve("missing")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("not a directory");
    }

    @Test
    void shouldUseTheDefaultPolicyWhenNoFileIsNamedOrPresent() {
        GateRequest request = GateOptions.of(root).toRequest(IDS);

        assertThat(request.policy()).isEqualTo(Policy.DEFAULT);
        assertThat(request.manifests()).containsExactly(".");
        assertThat(request.baseline()).isEmpty();
    }

    @Test
    void shouldReadTheImplicitPolicyFileInTheRoot() throws IOException {
        Files.writeString(root.resolve("k8s-security.yaml"), "failOn: CRITICAL\nwarnOn: NONE\n");

        Policy policy = GateOptions.of(root).toRequest(IDS).policy();

        assertThat(policy.failOn()).contains(Severity.CRITICAL);
        assertThat(policy.warnOn()).isEmpty();
        assertThat(policy.source()).endsWith("k8s-security.yaml");
    }

    @Test
    void shouldApplyEveryOverrideOnTopOfThePolicyFile() throws IOException {
        Files.writeString(root.resolve("team.yaml"), "failOn: CRITICAL\nwarnOn: HIGH\nnewFindingsOnly: false\n");
        GateOptions options = GateOptions.builder(root).policyFile(Path.of("team.yaml")).failOn("none").warnOn("low")
                .failOnInputError(false).newFindingsOnly(true).enableAll(true).reference(Set.of("fp"))
                .trivyReports(List.of("scan.json")).admissionPolicies(List.of("admission")).build();

        GateRequest request = options.toRequest(IDS);

        assertThat(request.policy().failOn()).isEmpty();
        assertThat(request.policy().warnOn()).contains(Severity.LOW);
        assertThat(request.policy().failOnInputError()).isFalse();
        assertThat(request.policy().newFindingsOnly()).isTrue();
        assertThat(request.policy().enableAll()).isTrue();
        assertThat(request.reference()).containsExactly("fp");
        assertThat(request.trivyReports()).containsExactly("scan.json");
        assertThat(request.admissionPolicies()).containsExactly("admission");
    }

    @Test
    void shouldReadWhatTheFrontEndNamesElseWhatThePolicyListsElseTheDefault() throws IOException {
        Files.writeString(root.resolve("k8s-security.yaml"), """
                targetKubernetesVersion: "1.31"
                inputs:
                  manifests: [k8s/]
                  charts:
                    - path: charts/shop
                      release: shop
                      values: [charts/shop/values-prod.yaml]
                  kustomizeCommand: kustomize build
                  nonKubernetesDocuments: error
                """);

        GateRequest listed = GateOptions.of(root).toRequest(IDS);
        assertThat(listed.manifests()).containsExactly("k8s/", "charts/shop");
        assertThat(listed.inputs().skippedAreErrors()).isTrue();
        assertThat(listed.inputs().confineToRoot()).isTrue();
        assertThat(listed.inputs().render().kustomizeCommand()).contains("kustomize build");
        assertThat(listed.inputs().render().kubeVersion()).isEqualTo("1.31");

        GateRequest named = GateOptions.builder(root).manifests(List.of("deploy")).charts(List.of("charts/web"))
                .valuesFiles(List.of("values-eu.yaml")).setValues(List.of("image.tag=1.2")).release("web")
                .namespace("shop").kustomizeCommand("kubectl kustomize").confineToRoot(false).build().toRequest(IDS);
        assertThat(named.manifests()).containsExactly("deploy", "charts/web");
        assertThat(named.inputs().confineToRoot()).isFalse();
        assertThat(named.inputs().render().kustomizeCommand()).contains("kubectl kustomize");
        assertThat(named.inputs().render().settingsFor("charts/shop")).satisfies(c -> {
            assertThat(c.release()).contains("web");
            assertThat(c.namespace()).contains("shop");
            assertThat(c.valuesFiles()).containsExactly("values-eu.yaml");
            assertThat(c.setValues()).containsExactly("image.tag=1.2");
        });

        Files.delete(root.resolve("k8s-security.yaml"));
        assertThat(GateOptions.builder(root).defaultManifests(List.of("src/main/k8s")).build().toRequest(IDS)
                .manifests()).containsExactly("src/main/k8s");
        assertThat(GateOptions.builder(root).defaultManifests(List.of()).build().toRequest(IDS).manifests())
                .isEmpty();
    }

    @Test
    void shouldRefuseASetValueWithoutKey() {
        assertThatThrownBy(() -> GateOptions.builder(root).setValues(List.of("just-a-value")).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("KEY=VALUE");
    }

    @Test
    void shouldHonourAPolicyFileOutsideTheRootOnlyWhenInputsAreNotConfined(@TempDir final Path elsewhere)
            throws IOException {
        Path policy = Files.writeString(elsewhere.resolve("team.yaml"), "failOn: CRITICAL\n");

        assertThat(GateOptions.builder(root).policyFile(policy).confineToRoot(false).build().toRequest(IDS).policy()
                .failOn()).contains(Severity.CRITICAL);
        assertThatThrownBy(() -> GateOptions.builder(root).policyFile(policy).build().toRequest(IDS))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("outside the root");
    }

    @Test
    void shouldRefuseAThresholdThatIsNotASeverity() {
        GateOptions options = GateOptions.builder(root).failOn("HIHG").build();

        assertThatThrownBy(() -> options.toRequest(IDS))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("failOn").hasMessageContaining("HIHG");
    }

    @Test
    void shouldRefuseAMissingPolicyFile() {
        GateOptions options = GateOptions.builder(root).policyFile(root.resolve("nope.yaml")).build();

        assertThatThrownBy(() -> options.toRequest(IDS))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("nope.yaml")
                .hasMessageContaining("does not exist");
    }

    @Test
    void shouldRefuseAPolicyFileOutsideTheRoot() throws IOException {
        Path workspace = Files.createDirectories(root.resolve("ws"));
        Path outside = Files.writeString(root.resolve("policy.yaml"), "failOn: NONE\n");
        Files.createSymbolicLink(workspace.resolve("linked.yaml"), outside);

        for (Path named : List.of(outside, Path.of("../policy.yaml"), Path.of("linked.yaml"))) {
            GateOptions options = GateOptions.builder(workspace).policyFile(named).build();

            assertThatThrownBy(() -> options.toRequest(IDS)).as(named.toString())
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining(named.toString())
                    .hasMessageContaining("The policy file is outside the root directory");
        }
    }

    @Test
    void shouldCompareWithTheDefaultStoreOnlyWhenItExists() throws IOException {
        assertThat(GateOptions.of(root).comparedStore()).isEmpty();

        Files.createDirectories(root.resolve(".k8s-security/baselines"));

        assertThat(GateOptions.of(root).comparedStore()).hasValueSatisfying(l -> {
            assertThat(l.location()).isEqualTo(".k8s-security/baselines");
            assertThat(l.root()).isEqualTo(root.toAbsolutePath());
        });
        assertThat(GateOptions.builder(root).baseline("none").build().comparedStore()).isEmpty();
    }

    @Test
    void shouldCompareWithANamedStoreEvenWhenItIsMissing() {
        GateOptions options = GateOptions.builder(root).baseline("https://git.example.com/b.git")
                .baselineBranch("gate").baselineVersion(4L).environment(Map.of("K8S_SECURITY_GIT_PASSWORD", "t0ken"))
                .build();

        StoreLocation location = options.comparedStore().orElseThrow();

        assertThat(location).isEqualTo(new StoreLocation("https://git.example.com/b.git", root,
                java.util.Optional.of("gate"), Map.of("K8S_SECURITY_GIT_PASSWORD", "t0ken")));
        assertThat(options.baselineVersion()).hasValue(4);
        assertThat(GateOptions.builder(root).baseline("gone").build().comparedStore()).map(StoreLocation::location)
                .contains("gone");
    }

    @Test
    void shouldWorkOnTheNamedOrDefaultStoreAndRefuseNone() {
        assertThat(GateOptions.of(root).store().location()).isEqualTo(".k8s-security/baselines");
        assertThat(GateOptions.builder(root).baseline("keep").build().store().location()).isEqualTo("keep");
        assertThatThrownBy(() -> GateOptions.builder(root).baseline("none").build().store())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("none");
    }

    @Test
    void shouldNotShowTheEnvironmentsOrTheSetValuesValues() {
        GateOptions options = GateOptions.builder(root).environment(Map.of("K8S_SECURITY_GIT_PASSWORD", "t0ken"))
                .failOn("HIGH").setValues(List.of("db.password=s3cret-set-value")).build();

        assertThat(options.toString()).contains("failOn=Optional[HIGH]", "environment=1 variable(s)",
                "consoleFindings=25", "setValues=[db.password=...]").doesNotContain("t0ken", "s3cret-set-value");
    }

    @Test
    void shouldChangeSomeOptionsOfACopy() {
        GateOptions original = GateOptions.builder(root).failOn("HIGH").vexFiles(List.of("vex.json"))
                .admissionPolicies(List.of("admission/")).build();

        GateOptions changed = original.toBuilder().formats(List.of()).build();

        assertThat(changed.formats()).isEmpty();
        assertThat(changed).isEqualTo(new GateOptions(root, original.manifests(), original.policyFile(),
                original.failOn(), original.warnOn(), original.failOnInputError(), original.newFindingsOnly(),
                original.enableAll(), original.baseline(), original.baselineVersion(), original.baselineBranch(),
                original.reference(), original.trivyReports(), original.trivyIgnoreFiles(), original.vexFiles(),
                original.charts(), original.valuesFiles(), original.setValues(), original.release(),
                original.namespace(), original.kustomizeCommand(), original.confineToRoot(),
                original.defaultManifests(), List.of("admission/"), List.of(), original.outputDirectory(),
                original.consoleFindings(), original.clock(),
                original.environment()));
    }
}
