package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.registry.CheckRegistry;
import io.k8sgate.core.input.render.ChartRequest;
import io.k8sgate.core.input.render.ChartSettings;
import io.k8sgate.core.check.workload.DefaultNamespaceCheck;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.RenderedObject;
import io.k8sgate.core.model.RenderedSource;
import io.k8sgate.core.report.ReportFiles;
import io.k8sgate.core.report.ReportFormat;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the loader renders charts through the render contract and what the reports learn from it: hooks checked and
 * marked, findings at the template file and line, the chart, values and release that produced the objects (issue
 * #13). The renderer here is a test double of the contract; the helm module's own tests render with Helm itself.
 */
class ChartRenderingTest {
    private static final Path PROJECT = Fixtures.path("repos/project");

    private final TemplateHelmRenderer helm = new TemplateHelmRenderer();
    private final SecurityGate gate = new SecurityGate(CheckRegistry.defaultRegistry(),
            new ManifestLoader(LoaderLimits.DEFAULT, () -> Optional.of(helm)));

    private GateOutcome check(final Path root, final List<String> inputs, final ChartSettings overrides) {
        GateOptions options = GateOptions.builder(root).manifests(inputs).enableAll(true)
                .release(overrides.release().orElse(null)).namespace(overrides.namespace().orElse(null))
                .valuesFiles(overrides.valuesFiles()).setValues(overrides.setValues()).build();
        return gate.run(options.toRequest(gate.checkIds()));
    }

    private static Finding finding(final GateOutcome outcome, final String check, final String name) {
        return outcome.findings().stream().filter(f -> f.checkId().equals(check) && f.resource().name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + check + " on " + name));
    }

    private static RenderedSource chart(final GateOutcome outcome) {
        return outcome.inputs().rendered().stream().filter(s -> s.renderer() == RenderedSource.Renderer.HELM)
                .findFirst().orElseThrow();
    }

    @Test
    void shouldDoTheProjectsWholeJobWithNoArguments() {
        assumeTrue(KustomizeRenderer.find(Optional.empty(), LoaderLimits.DEFAULT).renderer().isPresent(),
                "Neither kustomize nor kubectl is on the PATH: the project's kustomization cannot be rendered");

        GateOutcome outcome = check(PROJECT, List.of(), ChartSettings.NONE);

        assertThat(outcome.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
        assertThat(outcome.inputs().rendered()).extracting(RenderedSource::renderer, RenderedSource::path)
                .containsExactly(tuple(RenderedSource.Renderer.HELM, "charts/shop"),
                        tuple(RenderedSource.Renderer.KUSTOMIZE, "deploy/overlays/prod"));
        ChartRequest request = helm.requests.get(0);
        assertThat(request.releaseName()).isEqualTo("shop");
        assertThat(request.namespace()).isEqualTo("shop");
        assertThat(request.valuesFiles()).containsExactly(PROJECT.resolve("charts/shop/values-prod.yaml"));
        assertThat(request.setValues()).containsExactly("image.tag=2.3.2");
        assertThat(request.kubeVersion()).isEqualTo("1.33");
        assertThat(chart(outcome)).satisfies(s -> {
            assertThat(s.describe()).isEqualTo("chart shop 1.4.0 (charts/shop), release shop, namespace shop, "
                    + "values charts/shop/values-prod.yaml, --set image.tag");
            assertThat(s.command()).isEqualTo("helm template shop charts/shop --namespace shop "
                    + "-f charts/shop/values-prod.yaml --set image.tag=...");
        });
        assertThat(finding(outcome, "K8S-WL-003", "worker").location().file())
                .isEqualTo("deploy/overlays/prod/host-pid.yaml");
    }

    @Test
    void shouldCheckHooksAndMarkThem() {
        GateOutcome outcome = check(PROJECT, List.of("charts/shop"), ChartSettings.NONE);

        assertThat(chart(outcome).objects()).extracting(o -> o.resource().kind(), RenderedObject::hook)
                .containsExactly(tuple("Deployment", ""), tuple("Job", "pre-install,pre-upgrade"),
                        tuple("ServiceAccount", "pre-install,pre-upgrade"), tuple("Role", "pre-install,pre-upgrade"),
                        tuple("RoleBinding", "pre-install,pre-upgrade"));
        assertThat(finding(outcome, "K8S-WL-002", "shop-migrate").properties())
                .containsEntry(FindingProperties.HELM_HOOK, "pre-install,pre-upgrade");
        assertThat(outcome.findings()).filteredOn(f -> f.checkId().equals("K8S-RBAC-007")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.properties()).containsKey(FindingProperties.HELM_HOOK));
        assertThat(finding(outcome, "K8S-WL-001", "shop-web").properties())
                .doesNotContainKey(FindingProperties.HELM_HOOK);
    }

    @Test
    void shouldPlaceFindingsAtTheTemplateLineAndKeepTheRenderedLine() {
        GateOutcome outcome = check(PROJECT, List.of("charts/shop"), ChartSettings.NONE);

        Finding privileged = finding(outcome, "K8S-WL-001", "shop-web");
        assertThat(privileged.location().toString()).isEqualTo("charts/shop/templates/deployment.yaml:23");
        assertThat(privileged.properties()).containsEntry(FindingProperties.RENDERED, "line 25 of `helm template "
                + "shop charts/shop --namespace shop -f charts/shop/values-prod.yaml --set image.tag=... "
                + "--show-only templates/deployment.yaml`").containsEntry(FindingProperties.PRODUCED_BY,
                        "chart shop 1.4.0 (charts/shop), release shop, namespace shop, values "
                                + "charts/shop/values-prod.yaml, --set image.tag");
        assertThat(finding(outcome, "K8S-WL-002", "shop-migrate").location().toString())
                .isEqualTo("charts/shop/templates/hooks/migrate-job.yaml:13");
        assertThat(outcome.files()).contains("charts/shop/Chart.yaml", "charts/shop/values-prod.yaml",
                "charts/shop/templates/deployment.yaml");
    }

    @Test
    void shouldLetTheFrontEndsSettingsWinFieldByField() {
        GateOutcome outcome = check(PROJECT, List.of("charts/shop"), new ChartSettings(Optional.of("canary"),
                Optional.empty(), List.of(), List.of("replicas=1")));

        ChartRequest request = helm.requests.get(0);
        assertThat(request.releaseName()).isEqualTo("canary");
        assertThat(request.namespace()).isEqualTo("shop");
        assertThat(request.valuesFiles()).containsExactly(PROJECT.resolve("charts/shop/values-prod.yaml"));
        assertThat(request.setValues()).containsExactly("replicas=1");
        assertThat(outcome.resources()).extracting(r -> r.name()).contains("canary-web");
    }

    @Test
    void shouldRenderAChartFoundByWalkingWithThePolicysSettingsForIt() {
        GateOutcome outcome = check(PROJECT, List.of("charts"), ChartSettings.NONE);

        assertThat(helm.requests).singleElement().satisfies(r -> assertThat(r.releaseName()).isEqualTo("shop"));
        assertThat(outcome.inputs().rendered()).extracting(RenderedSource::path).containsExactly("charts/shop");
    }

    @Test
    void shouldPutNamespacedObjectsThatNameNoneIntoTheReleaseNamespace(@TempDir final Path dir) throws IOException {
        Path templates = Files.createDirectories(dir.resolve("ops/templates"));
        Files.writeString(dir.resolve("ops/Chart.yaml"), "apiVersion: v2\nname: ops\nversion: 0.1.0\n");
        Files.writeString(templates.resolve("all.yaml"), """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: ops
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata:
                  name: ops
                rules:
                  - apiGroups: [""]
                    resources: [secrets]
                    verbs: [get]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata:
                  name: ops
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: ops}
                subjects:
                  - kind: ServiceAccount
                    name: ops
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: pinned
                  namespace: kube-system
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: ops-reader
                rules: []
                ---
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata:
                  name: fast
                provisioner: example.com/fast
                ---
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: gates.example.com
                spec:
                  group: example.com
                  scope: Cluster
                  names: {kind: Gate, plural: gates}
                ---
                apiVersion: example.com/v1
                kind: Gate
                metadata:
                  name: main
                ---
                apiVersion: example.com/v1
                kind: Probe
                metadata:
                  name: ping
                """);

        GateOutcome inShop = check(dir, List.of("ops"), new ChartSettings(Optional.empty(), Optional.of("shop"),
                List.of(), List.of()));

        assertThat(inShop.resources()).extracting(r -> r.kind() + "/" + r.namespace() + "/" + r.name())
                .containsExactly("ServiceAccount/shop/ops", "Role/shop/ops", "RoleBinding/shop/ops",
                        "ConfigMap/kube-system/pinned", "ClusterRole//ops-reader", "StorageClass//fast",
                        "CustomResourceDefinition//gates.example.com", "Gate//main", "Probe/shop/ping");
        assertThat(chart(inShop).objects()).extracting(o -> o.resource().namespace()).contains("shop");
        // the binding's subject without a namespace is the service account of the release namespace
        assertThat(inShop.findings()).filteredOn(f -> f.checkId().equals("K8S-RBAC-007")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.message()).doesNotContain("default"));

        // without a namespace, Helm deploys into whatever the cluster context names: nothing is assumed
        GateOutcome unset = check(dir, List.of("ops"), ChartSettings.NONE);
        assertThat(unset.resources()).filteredOn(r -> r.name().equals("ping")).singleElement()
                .satisfies(r -> assertThat(r.namespace()).isEmpty());
    }

    @Test
    void shouldReadTheReleaseNamespaceNobodyChoseAsNoNamespace(@TempDir final Path dir) throws IOException {
        Path helmCharts = Fixtures.path("helm");

        GateOutcome unset = check(helmCharts, List.of("release-namespace"), ChartSettings.NONE);

        // rendered for Helm's default `default`, the objects that copy .Release.Namespace name none; the chart's own
        // `namespace: default` stays its choice
        assertThat(unset.resources()).extracting(r -> r.kind() + "/" + r.namespace() + "/" + r.name())
                .containsExactlyInAnyOrder("ServiceAccount//app", "Deployment//app", "ConfigMap/default/pinned");
        assertThat(unset.findings()).filteredOn(f -> f.checkId().equals("K8S-WL-061")).singleElement()
                .satisfies(f -> {
                    assertThat(f.resource().name()).isEqualTo("pinned");
                    assertThat(f.location().toString()).isEqualTo("release-namespace/templates/pinned.yaml:6");
                });
        assertThat(helm.requests).extracting(ChartRequest::namespace)
                .containsExactly(ChartSettings.DEFAULT_NAMESPACE, Renderings.PROBE_NAMESPACE);
        // what the report shows is still what `helm template` prints
        assertThat(chart(unset).namespace()).isEqualTo(ChartSettings.DEFAULT_NAMESPACE);
        assertThat(finding(unset, "K8S-NET-005", "app").message())
                .contains("applies to the namespace it is deployed to").doesNotContain("'default'");
        // a message that cites another rendered object names its template and line, as findings on it are placed
        assertThat(finding(unset, "K8S-WL-060", "app").message())
                .contains("service account 'app' (release-namespace/templates/app.yaml:1)")
                .doesNotContain("helm template").doesNotContain("document");

        // with an option that reports objects without a namespace, the release's objects are reported as such, at
        // the template line that copies the release namespace
        Path chartCopy = Files.createDirectories(dir.resolve("release-namespace/templates"));
        for (String file : List.of("Chart.yaml", "templates/app.yaml", "templates/pinned.yaml")) {
            Files.copy(helmCharts.resolve("release-namespace").resolve(file), chartCopy.getParent().resolve(file));
        }
        Path policy = Files.writeString(dir.resolve("policy.yaml"), "checks:\n  K8S-WL-061: {options: {"
                + DefaultNamespaceCheck.INCLUDE_MISSING + ": true}}\n");
        GateOptions missing = GateOptions.builder(dir).manifests(List.of("release-namespace")).enableAll(true)
                .policyFile(policy).build();
        assertThat(gate.run(missing.toRequest(gate.checkIds())).findings())
                .filteredOn(f -> f.checkId().equals("K8S-WL-061"))
                .extracting(f -> f.resource().name(), f -> f.location().toString(), Finding::message)
                .containsExactlyInAnyOrder(
                        tuple("app", "release-namespace/templates/app.yaml:5", "ServiceAccount 'app' takes the "
                                + "release namespace, which is the default namespace unless the chart is installed "
                                + "with -n"),
                        tuple("app", "release-namespace/templates/app.yaml:11", "Deployment 'app' takes the "
                                + "release namespace, which is the default namespace unless the chart is installed "
                                + "with -n"),
                        tuple("pinned", "release-namespace/templates/pinned.yaml:6", "ConfigMap 'pinned' is placed "
                                + "in the default namespace"));

        // given a namespace, the chart is rendered once, for it
        helm.requests.clear();
        GateOutcome inShop = check(helmCharts, List.of("release-namespace"), new ChartSettings(Optional.empty(),
                Optional.of("shop"), List.of(), List.of()));
        assertThat(helm.requests).extracting(ChartRequest::namespace).containsExactly("shop");
        assertThat(inShop.resources()).extracting(r -> r.kind() + "/" + r.namespace() + "/" + r.name())
                .containsExactlyInAnyOrder("ServiceAccount/shop/app", "Deployment/shop/app",
                        "ConfigMap/default/pinned");
        assertThat(inShop.findings()).filteredOn(f -> f.checkId().equals("K8S-WL-061"))
                .extracting(f -> f.resource().name()).containsExactly("pinned");
    }

    @Test
    void shouldNeverShowSetValues(@TempDir final Path dir, @TempDir final Path out) throws IOException {
        Path chart = Files.createDirectories(dir.resolve("db/templates"));
        Files.writeString(dir.resolve("db/Chart.yaml"), "apiVersion: v2\nname: db\nversion: 0.1.0\n");
        Files.writeString(chart.resolve("secret.yaml"), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n"
                + "stringData:\n  password: \"{{ .Values.db.password }}\"\n");
        String value = "Hunter2-set-on-the-command-line";

        GateOutcome outcome = check(dir, List.of("db"), new ChartSettings(Optional.empty(), Optional.empty(),
                List.of(), List.of("db.password=" + value)));
        ReportFiles.write(outcome, EnumSet.allOf(ReportFormat.class), out);

        assertThat(chart(outcome).setKeys()).containsExactly("db.password");
        try (var files = Files.list(out)) {
            for (Path report : files.toList()) {
                assertThat(Files.readString(report)).as(report.toString()).doesNotContain(value);
            }
        }
    }

    @Test
    void shouldRefuseAMissingValuesFileBeforeRendering() {
        GateOutcome outcome = check(PROJECT, List.of("charts/shop"), new ChartSettings(Optional.empty(),
                Optional.empty(), List.of("charts/shop/values-staging.yaml"), List.of()));

        assertThat(helm.requests).isEmpty();
        assertThat(outcome.diagnostics()).filteredOn(Diagnostic::isError).first().satisfies(d -> {
            assertThat(d.code()).isEqualTo("input-missing");
            assertThat(d.location().file()).isEqualTo("charts/shop/values-staging.yaml");
        });
    }

    @Test
    void shouldReportARenderErrorAtTheTemplate(@TempDir final Path dir) throws IOException {
        Path chart = Files.createDirectories(dir.resolve("broken/templates"));
        Files.writeString(dir.resolve("broken/Chart.yaml"), "apiVersion: v2\nname: broken\nversion: 0.1.0\n");
        Files.writeString(chart.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                + "  name: {{ .Values.missing.name }}\n");

        GateOutcome outcome = check(dir, List.of("broken"), ChartSettings.NONE);

        assertThat(outcome.diagnostics()).filteredOn(Diagnostic::isError).first().satisfies(d -> {
            assertThat(d.code()).isEqualTo("helm-render");
            assertThat(d.location().toString()).isEqualTo("broken/templates/cm.yaml:4");
            assertThat(d.message()).contains("nil pointer");
        });
    }

    @Test
    void shouldSayAChartNeedsTheRendererWhenNoneIsInstalled() {
        SecurityGate withoutHelm = new SecurityGate(CheckRegistry.defaultRegistry(),
                new ManifestLoader(LoaderLimits.DEFAULT, Optional::empty));
        GateOptions options = GateOptions.builder(PROJECT).manifests(List.of("charts/shop")).build();

        GateOutcome outcome = withoutHelm.run(options.toRequest(withoutHelm.checkIds()));

        assertThat(outcome.diagnostics()).filteredOn(Diagnostic::isError).first().satisfies(d -> {
            assertThat(d.code()).isEqualTo("helm-renderer-missing");
            assertThat(d.location().file()).isEqualTo("charts/shop/Chart.yaml");
            assertThat(d.message()).contains("k8s-security-helm", "helm template");
        });
    }
}
