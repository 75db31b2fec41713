package io.k8sgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.baseline.BaselineCodec;
import io.k8sgate.core.baseline.BaselineReference;
import io.k8sgate.core.baseline.DirectoryStore;
import io.k8sgate.core.registry.CheckRegistry;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.model.BaselineComparison;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.policy.GateStatus;
import io.k8sgate.core.policy.Policy;
import io.k8sgate.core.policy.PolicyLoader;
import io.k8sgate.fixtures.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom checks and admission policies in baselines: recorded with the run, compared like built-in checks (new,
 * outstanding, fixed with their own title and category), and counted only when new under newFindingsOnly.
 */
class OwnRulesBaselineTest {
    private static final String ADMISSION = """
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicy
            metadata:
              name: require-team.acme.io
            spec:
              failurePolicy: Fail
              matchConstraints:
                resourceRules:
                  - apiGroups: [apps]
                    apiVersions: [v1]
                    operations: [CREATE, UPDATE]
                    resources: [deployments]
              validations:
                - expression: "has(object.metadata.labels) && 'team' in object.metadata.labels"
                  message: workloads name their team
            ---
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicyBinding
            metadata:
              name: require-team-binding.acme.io
            spec:
              policyName: require-team.acme.io
              validationActions: [Deny]
            """;
    private static final String UNREGISTERED_POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: canary
              namespace: prod
              labels: {team: shop}
            spec:
              containers:
                - name: canary
                  image: docker.io/library/nginx:1.27
                  resources:
                    limits: {memory: 64Mi}
            """;

    @TempDir
    Path temp;

    /** No built-in checks, so that the findings compared are the team's rules' alone. */
    private final SecurityGate gate = new SecurityGate(new CheckRegistry(List.of()), new ManifestLoader());

    private Policy policy(final boolean newOnly) {
        Policy p = new PolicyLoader(gate.checkIds()).load(Fixtures.path("rules/custom/k8s-security.yaml"));
        return p.withNewFindingsOnly(newOnly);
    }

    @Test
    void shouldCompareCustomChecksAndAdmissionPoliciesWithTheBaselineLikeBuiltInChecks() throws Exception {
        Path work = Files.createDirectories(temp.resolve("work"));
        Path app = work.resolve("app.yaml");
        Files.copy(Fixtures.path("rules/custom/manifests/app.yaml"), app);
        Files.writeString(work.resolve("admission.yaml"), ADMISSION);
        DirectoryStore store = new DirectoryStore(temp.resolve("store"));
        GateRequest request = GateRequest.of(work, List.of(".")).withPolicy(policy(true));
        Baselines.RecordResult recorded = new Baselines(gate).record(request, store,
                new Baselines.RecordOptions(true, Optional.of("ci-1"), Optional.empty()));
        assertThat(recorded.recorded()).isPresent();
        assertThat(recorded.outcome().findings()).extracting(Finding::checkId).contains("ACME-001",
                "VAP-require-team.acme.io");

        // the web Deployment's proxy now comes from the registry and the billing Deployment names its team; a new
        // Pod brings an image from elsewhere
        Files.writeString(app, Files.readString(app).replace("docker.io/envoyproxy/envoy:v1.30",
                "registry.acme.io/mirror/envoy:v1.30").replace("  name: legacy-billing\n  namespace: prod\n",
                        "  name: legacy-billing\n  namespace: prod\n  labels: {team: billing}\n"));
        Files.writeString(work.resolve("canary.yaml"), UNREGISTERED_POD);
        GateOutcome outcome = gate.run(request.withBaseline(BaselineReference.latest(store)));

        BaselineComparison comparison = outcome.baseline().orElseThrow();
        assertThat(comparison.fixed()).extracting(f -> f.checkId() + " " + f.resource().display())
                .contains("ACME-001 Deployment/prod/web", "ACME-002 Deployment/prod/legacy-billing",
                        "VAP-require-team.acme.io Deployment/prod/legacy-billing");
        assertThat(comparison.fixed()).filteredOn(f -> f.checkId().equals("ACME-001")).singleElement()
                .satisfies(f -> {
                    assertThat(f.title()).isEqualTo("Images come from our registry");
                    assertThat(f.category()).isEqualTo(Category.CUSTOM);
                    assertThat(f.remediation()).startsWith("Push the image to registry.acme.io");
                });
        assertThat(outcome.findings()).filteredOn(comparison::isNew).extracting(f -> f.checkId() + " "
                + f.resource().display()).containsExactly("ACME-001 Pod/prod/canary");
        assertThat(outcome.findings()).filteredOn(f -> f.checkId().equals("ACME-004")).singleElement()
                .satisfies(f -> assertThat(comparison.isNew(f)).as("outstanding since the baseline").isFalse());
        assertThat(outcome.status()).isEqualTo(GateStatus.FAIL);
        assertThat(outcome.decision().summary()).contains("1 new finding(s)", "ACME-001 Pod/prod/canary");

        Files.delete(work.resolve("canary.yaml"));
        assertThat(gate.run(request.withBaseline(BaselineReference.latest(store))).status())
                .as("only outstanding findings left").isEqualTo(GateStatus.PASS);
    }

    @Test
    void shouldDescribeAFixedFindingOfARuleNoLongerInThePolicyAsTheTeamsOwn() throws Exception {
        Path work = Files.createDirectories(temp.resolve("work"));
        Files.copy(Fixtures.path("rules/custom/manifests/app.yaml"), work.resolve("app.yaml"));
        DirectoryStore store = new DirectoryStore(temp.resolve("store"));
        new Baselines(gate).record(GateRequest.of(work, List.of(".")).withPolicy(policy(false)), store,
                new Baselines.RecordOptions(true, Optional.empty(), Optional.empty()));

        GateOutcome without = gate.run(GateRequest.of(work, List.of(".")).withBaseline(
                BaselineReference.latest(store)));

        assertThat(without.baseline().orElseThrow().fixed()).filteredOn(f -> f.checkId().equals("ACME-003"))
                .singleElement().satisfies(f -> {
                    assertThat(f.title()).isEqualTo("ACME-003");
                    assertThat(f.category()).isEqualTo(Category.CUSTOM);
                });
    }

    @Test
    void shouldHashWhatACustomCheckDecidesButNotWhereItIsWritten() {
        PolicyLoader loader = new PolicyLoader(gate.checkIds());
        String check = """
                customChecks:
                  - id: ACME-010
                    title: Replicas
                    severity: HIGH
                    match: {kinds: [Deployment]}
                    expression: "object.spec.replicas >= 2"
                    remediation: Scale out
                    params: {minimum: 2}
                """;
        String hash = BaselineCodec.policyHash(loader.parse("a.yaml", check));

        assertThat(BaselineCodec.policyHash(loader.parse("b.yaml", "# moved down\nfailOn: HIGH\n" + check)))
                .isEqualTo(hash);
        assertThat(BaselineCodec.policyHash(loader.parse("a.yaml", check.replace(">= 2", ">= 3"))))
                .isNotEqualTo(hash);
        assertThat(BaselineCodec.policyHash(loader.parse("a.yaml", check.replace("minimum: 2", "minimum: 3"))))
                .isNotEqualTo(hash);
        assertThat(BaselineCodec.policyHash(loader.parse("a.yaml", check.replace("[Deployment]", "[Pod]"))))
                .isNotEqualTo(hash);
    }
}
