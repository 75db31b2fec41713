package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.input.render.ChartSettings;
import io.k8sgate.core.input.render.RenderOptions;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.RenderedObject;
import io.k8sgate.core.model.RenderedSource;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.model.SkippedInput;
import io.k8sgate.core.policy.Policy;
import io.k8sgate.core.policy.PolicyLoader;
import io.k8sgate.core.report.ReportFiles;
import io.k8sgate.core.report.ReportFormat;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kustomize directories rendered with the Kustomize on this machine ({@code kustomize build} or
 * {@code kubectl kustomize}), findings led back to the base, patch or kustomization a person edits (issue #13).
 */
class KustomizeRenderingTest {
    private static final String SECRET = "base-Secr3t-do-not-leak";
    private static final Path REPOS = Fixtures.path("repos");

    @BeforeAll
    static void kustomizeIsInstalled() {
        assumeTrue(KustomizeRenderer.find(Optional.empty(), LoaderLimits.DEFAULT).renderer().isPresent(),
                "Neither kustomize nor kubectl is on the PATH: the Kustomize rendering tests are skipped");
    }

    private static GateOutcome check(final Path root, final String... inputs) {
        GateRequest request = GateRequest.of(root, List.of(inputs)).withPolicy(Policy.DEFAULT.withEnableAll(true));
        return new SecurityGate().run(request);
    }

    private static Finding finding(final GateOutcome outcome, final String check, final String name) {
        return outcome.findings().stream().filter(f -> f.checkId().equals(check) && f.resource().name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + check + " on " + name + " in "
                        + outcome.findings()));
    }

    @Test
    void shouldRenderOnlyTheRootsOfAWalkedTree() {
        LoadResult r = new ManifestLoader().load(REPOS, List.of("kustomize"));

        assertThat(r.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
        // the base is built through both overlays, never on its own; the patches are never objects
        assertThat(r.inputs().rendered()).extracting(RenderedSource::path)
                .containsExactly("kustomize/overlays/dev", "kustomize/overlays/prod");
        assertThat(r.objects()).extracting(o -> o.ref().display()).containsExactlyInAnyOrder(
                "ConfigMap/shop-dev/dev-web-settings-9f5m7kgfhg", "Secret/shop-dev/dev-web-credentials-5ktdmtg975",
                "Service/shop-dev/dev-web", "Deployment/shop-dev/dev-web",
                "ConfigMap/shop-prod/web-settings-9f5m7kgfhg", "Secret/shop-prod/web-credentials-5ktdmtg975",
                "Service/shop-prod/web", "Deployment/shop-prod/web");
        assertThat(r.inputs().skipped()).extracting(s -> s.location().file(), SkippedInput::reason).containsExactly(
                tuple("kustomize/components/unused/kustomization.yaml", "A Kustomize Component: it is rendered as part "
                        + "of a kustomization that lists it under components, and none among the inputs does"),
                tuple("kustomize/overlays/prod/notes.yaml",
                        "In the folder of the kustomization kustomize/overlays/prod, which does not use it"));
        assertThat(r.files()).contains("kustomize/base/deployment.yaml", "kustomize/base/settings.yaml",
                "kustomize/overlays/prod/privileged.yaml", "kustomize/overlays/prod/drop-security-context.yaml",
                "kustomize/components/debug/debug-port.yaml");
    }

    @Test
    void shouldStripTheOriginAnnotationsFromWhatIsChecked() {
        LoadResult r = new ManifestLoader().load(REPOS, List.of("kustomize/overlays/prod"));

        assertThat(r.objects()).hasSize(4).allSatisfy(o -> assertThat(o.annotations())
                .doesNotContainKey(KustomizeRenderer.ORIGIN));
        assertThat(r.objects()).filteredOn(o -> o.kind().equals("Service")).singleElement()
                .satisfies(o -> assertThat(o.metadata().get("annotations").isPresent()).isFalse());
    }

    @Test
    void shouldRenderABaseTheUserNames() {
        LoadResult r = new ManifestLoader().load(REPOS, List.of("kustomize/base"));

        assertThat(r.inputs().rendered()).extracting(RenderedSource::path).containsExactly("kustomize/base");
        assertThat(r.objects()).extracting(o -> o.ref().display()).contains("Deployment/web", "Service/web");
    }

    @Test
    void shouldLeadEachFindingToTheFileAndLineThatDecidesIt() {
        GateOutcome outcome = check(REPOS, "kustomize/overlays/prod", "kustomize/overlays/dev");

        // set by a strategic-merge patch of the overlay
        assertThat(finding(outcome, "K8S-WL-001", "web").location().toString())
                .isEqualTo("kustomize/overlays/prod/privileged.yaml:12");
        // removed by a JSON 6902 operation: the operation is where the field was decided. A privileged container
        // escalates whatever the field says, so that finding gives way to K8S-WL-001's, which names it; with
        // K8S-WL-001 turned off it stands, at the operation
        assertThat(finding(outcome, "K8S-WL-001", "web").properties())
                .containsEntry(FindingProperties.ALSO_VIOLATES, "K8S-WL-022");
        GateOutcome withoutPrivileged = new SecurityGate().run(GateRequest.of(REPOS, List.of("kustomize/overlays/prod"))
                .withPolicy(new PolicyLoader(new SecurityGate().checkIds()).parse("k8s-security.yaml",
                        "checks:\n  K8S-WL-001: false\n").withEnableAll(true)));
        assertThat(finding(withoutPrivileged, "K8S-WL-022", "web").location().toString())
                .isEqualTo("kustomize/overlays/prod/drop-security-context.yaml:2");
        // the tag comes from the overlay's image rule, not from the base manifest's image
        assertThat(finding(outcome, "K8S-WL-055", "web").location().toString())
                .isEqualTo("kustomize/overlays/prod/kustomization.yaml:18");
        // a port added by a component's patch
        assertThat(finding(outcome, "K8S-WL-006", "web").location().toString())
                .isEqualTo("kustomize/components/debug/debug-port.yaml:12");
        // an inline JSON 6902 patch: the line inside the kustomization file
        assertThat(finding(outcome, "K8S-WL-003", "dev-web").location().toString())
                .isEqualTo("kustomize/overlays/dev/kustomization.yaml:12");
        // untouched by the overlay: the base manifest
        assertThat(finding(outcome, "K8S-NET-005", "web").location().file())
                .isEqualTo("kustomize/base/deployment.yaml");
        Finding rendered = finding(outcome, "K8S-WL-001", "web");
        assertThat(rendered.properties()).containsEntry(FindingProperties.PRODUCED_BY,
                "kustomization kustomize/overlays/prod");
        assertThat(rendered.properties().get(FindingProperties.RENDERED)).matches(
                "line \\d+ of `(kubectl kustomize|kustomize build) kustomize/overlays/prod`");
    }

    @Test
    void shouldNameTheBaseFileOrGeneratorOfEveryObject() {
        LoadResult r = new ManifestLoader().load(REPOS, List.of("kustomize/overlays/prod"));

        assertThat(r.inputs().rendered()).singleElement().satisfies(s -> {
            assertThat(s.renderer()).isEqualTo(RenderedSource.Renderer.KUSTOMIZE);
            assertThat(s.command()).endsWith(" kustomize/overlays/prod");
            assertThat(s.objects()).extracting(o -> o.resource().kind(), o -> o.source().toString())
                    .containsExactly(tuple("ConfigMap", "kustomize/base/kustomization.yaml:7"),
                            tuple("Secret", "kustomize/base/kustomization.yaml:11"),
                            tuple("Service", "kustomize/base/service.yaml:1"),
                            tuple("Deployment", "kustomize/base/deployment.yaml:1"));
            assertThat(s.objects()).extracting(RenderedObject::rendered).allSatisfy(at -> {
                assertThat(at.file()).isEqualTo("kustomize/overlays/prod (kustomize build)");
                assertThat(at.line()).isPositive();
            });
        });
    }

    @Test
    void shouldNeverShowTheValuesOfAGeneratedSecret(@TempDir final Path out) throws IOException {
        GateOutcome outcome = check(REPOS, "kustomize/overlays/prod");
        ReportFiles.write(outcome, EnumSet.allOf(ReportFormat.class), out);
        String encoded = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));

        assertThat(outcome.resources()).extracting(r -> r.kind()).contains("Secret");
        try (var files = Files.list(out)) {
            for (Path report : files.toList()) {
                assertThat(Files.readString(report)).as(report.toString()).doesNotContain(SECRET, encoded);
            }
        }
        String stored = new SecurityGate().runCapturing(GateRequest.of(REPOS, List.of("kustomize/overlays/prod")))
                .snapshot().toString();
        assertThat(stored).doesNotContain(SECRET, encoded);
    }

    @Test
    void shouldCiteAnotherRenderedObjectAtItsSourceFileAndLine() {
        GateOutcome outcome = check(REPOS, "deploy-namespace");

        // the service account is cited where a person edits it, not by its place in the output of a build
        assertThat(finding(outcome, "K8S-WL-060", "worker").message())
                .contains("service account 'worker' (deploy-namespace/account.yaml:2)")
                .doesNotContain("kustomize build").doesNotContain("document");
        // the rule a finding names is cited the same way
        assertThat(outcome.findings()).filteredOn(f -> f.properties().containsKey("rule")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.properties().get("rule")).doesNotContain("kustomize build"));
    }

    @Test
    void shouldDeployTheObjectsOfAKustomizationIntoTheNamespaceGivenToTheRun() {
        SecurityGate gate = new SecurityGate();
        GateOutcome unset = check(REPOS, "deploy-namespace");
        GateOutcome inOps = gate.run(GateOptions.builder(REPOS).manifests(List.of("deploy-namespace"))
                .enableAll(true).namespace("ops").build().toRequest(gate.checkIds()));

        assertThat(unset.resources()).extracting(r -> r.kind() + "/" + r.namespace() + "/" + r.name())
                .containsExactlyInAnyOrder("ServiceAccount//worker", "Deployment//worker",
                        "ClusterRoleBinding//worker-admin");
        // namespaced objects that name none go to the namespace given; the cluster-scoped binding stays as it is
        assertThat(inOps.resources()).extracting(r -> r.kind() + "/" + r.namespace() + "/" + r.name())
                .containsExactlyInAnyOrder("ServiceAccount/ops/worker", "Deployment/ops/worker",
                        "ClusterRoleBinding//worker-admin");
        // so the account the binding names (ops/worker) is the one the Deployment runs as: its token is
        // cluster-admin; without the namespace, the gate cannot tell, and does not claim it
        assertThat(finding(inOps, "K8S-RBAC-018", "worker")).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains("ServiceAccount/ops/worker");
        });
        assertThat(unset.findings()).filteredOn(f -> f.checkId().equals("K8S-RBAC-018")).isEmpty();
    }

    @Test
    void shouldSayHowToFixAMissingKustomizeCommand() {
        RenderOptions render = new RenderOptions(ChartSettings.NONE, Map.of(), Optional.of("no-such-kustomize build"),
                "1.33");
        LoadResult r = new ManifestLoader().load(REPOS, List.of("kustomize/overlays/prod"),
                new InputOptions(true, false, render));

        assertThat(r.diagnostics()).filteredOn(Diagnostic::isError).first().satisfies(d -> {
            assertThat(d.code()).isEqualTo("kustomize-missing");
            assertThat(d.location().file()).isEqualTo("kustomize/overlays/prod/kustomization.yaml");
            assertThat(d.message()).contains("'no-such-kustomize' is not on the PATH", "inputs.kustomizeCommand",
                    "--kustomize-command");
        });
    }

    @Test
    void shouldWarnAtTheBaseFileWhenThePolicyForbidsItsExemptionAnnotations(@TempDir final Path dir)
            throws IOException {
        Files.createDirectories(dir.resolve("base"));
        Files.createDirectories(dir.resolve("prod"));
        Files.writeString(dir.resolve("base/web.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                      annotations:
                        k8sgate.io/exempt.K8S-WL-001: "Needs raw devices"
                    spec:
                      containers:
                        - name: web
                          image: registry.example.com/web:1.0
                          securityContext: {privileged: true}
                """);
        Files.writeString(dir.resolve("base/kustomization.yaml"), "resources:\n  - web.yaml\n");
        Files.writeString(dir.resolve("prod/kustomization.yaml"), "namespace: shop\nresources:\n  - ../base\n");
        Files.writeString(dir.resolve("policy.yaml"), "allowInManifestExemptions: false\n");
        Policy forbidding = new io.k8sgate.core.policy.PolicyLoader(new SecurityGate().checkIds())
                .load(dir.resolve("policy.yaml"));

        GateOutcome outcome = new SecurityGate().run(GateRequest.of(dir, List.of("prod"))
                .withPolicy(forbidding));

        assertThat(finding(outcome, "K8S-WL-001", "web").isSuppressed()).isFalse();
        assertThat(outcome.diagnostics()).filteredOn(d -> d.code().equals("exemption-forbidden")).singleElement()
                .satisfies(d -> {
                    assertThat(d.level()).isEqualTo(Diagnostic.Level.WARNING);
                    assertThat(d.location().file()).isEqualTo("base/web.yaml");
                    assertThat(d.message()).contains("Deployment/shop/web", "forbids in-manifest exemptions");
                });
    }

    @Test
    void shouldReportKustomizeErrorsAtTheKustomization(@TempDir final Path dir) throws IOException {
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("app/kustomization.yaml"), "resources:\n  - missing.yaml\n");

        LoadResult r = new ManifestLoader().load(dir, List.of("app"));

        assertThat(r.diagnostics()).filteredOn(Diagnostic::isError).first().satisfies(d -> {
            assertThat(d.code()).isEqualTo("kustomize-render");
            assertThat(d.location().file()).isEqualTo("app/kustomization.yaml");
            assertThat(d.message()).contains("missing.yaml").doesNotContain("k8s-security-kustomize");
        });
    }

    @Test
    void shouldRefuseAKustomizationThatReadsOutsideTheRootWhenConfined(@TempDir final Path dir) throws IOException {
        Files.createDirectories(dir.resolve("outside"));
        Files.writeString(dir.resolve("outside/kustomization.yaml"), "resources: []\n");
        Files.createDirectories(dir.resolve("root/app"));
        Files.writeString(dir.resolve("root/app/kustomization.yaml"), "resources:\n  - ../../outside\n");

        LoadResult confined = new ManifestLoader().load(dir.resolve("root"), List.of("app"));

        assertThat(confined.diagnostics()).filteredOn(Diagnostic::isError).first().satisfies(d -> {
            assertThat(d.code()).isEqualTo("path-outside-root");
            assertThat(d.location().toString()).isEqualTo("app/kustomization.yaml:2");
        });
        assertThat(confined.inputs().rendered()).isEmpty();
    }
}
