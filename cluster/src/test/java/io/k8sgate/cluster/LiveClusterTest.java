package io.k8sgate.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.baseline.Baseline;
import io.k8sgate.core.baseline.Drift;
import io.k8sgate.core.baseline.FieldChange;
import io.k8sgate.core.baseline.Provenance;
import io.k8sgate.core.baseline.ResourceChange;
import io.k8sgate.core.model.ResourceRef;
import io.k8sgate.fixtures.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveClusterTest {
    private static final ResourceRef API = new ResourceRef("Deployment", "payments", "api");
    private static final ResourceRef SERVICE = new ResourceRef("Service", "payments", "api");

    private MockCluster mock;
    private KubernetesMockServer server;
    private KubernetesClient client;
    private Baseline baseline;

    @BeforeEach
    void deployTheApprovedState() throws Exception {
        mock = new MockCluster(Fixtures.path("baselines/cluster/app.yaml"));
        server = mock.server();
        client = mock.client();
        baseline = Baseline.create(3, new Provenance(Instant.parse("2026-11-27T10:00:00Z"), Optional.empty(),
                Optional.empty(), "sha256:p", "test"), new SecurityGate().runCapturing(GateRequest.of(
                        Fixtures.path("baselines/cluster"), List.of("."))).snapshot());
    }

    @AfterEach
    void stopTheServer() {
        mock.close();
    }

    private LiveCluster cluster() {
        return new LiveCluster(client);
    }

    private void breakTheDeployment() {
        Deployment live = client.apps().deployments().inNamespace("payments").withName("api").get();
        client.resource(new DeploymentBuilder(live).editSpec().editTemplate().editSpec().editFirstContainer()
                .withImage("registry.example.com/payments/api:debug").editSecurityContext().withPrivileged(true)
                .endSecurityContext().endContainer().withHostNetwork(true).endSpec().endTemplate().endSpec()
                .build()).update();
    }

    private static ResourceChange change(final Drift drift, final ResourceRef ref) {
        return drift.changed().stream().filter(c -> c.resource().equals(ref)).findFirst().orElseThrow();
    }

    @Test
    void shouldSeeNoDriftWhenTheClusterRunsTheVersion() {
        Drift drift = cluster().drift(baseline, List.of());

        assertThat(drift.isEmpty()).as(drift.toString()).isTrue();
    }

    @Test
    void shouldReportChangedRemovedAndAddedObjects() {
        breakTheDeployment();
        client.services().inNamespace("payments").withName("api").delete();
        client.resource(new DeploymentBuilder().withNewMetadata().withName("miner").withNamespace("payments")
                .endMetadata().withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("m")
                .withImage("miner:1").endContainer().endSpec().endTemplate().endSpec().build()).create();

        Drift drift = cluster().drift(baseline, List.of());

        assertThat(drift.removed()).containsExactly(SERVICE);
        assertThat(drift.added()).containsExactly(new ResourceRef("Deployment", "payments", "miner"));
        assertThat(change(drift, API).securityChanges()).extracting(FieldChange::path, f -> f.security().orElseThrow())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("spec.template.spec.containers[name=api].image", "image"),
                        org.assertj.core.groups.Tuple.tuple(
                                "spec.template.spec.containers[name=api].securityContext.privileged", "privileged"),
                        org.assertj.core.groups.Tuple.tuple("spec.template.spec.hostNetwork", "host namespaces"));
    }

    @Test
    void shouldOnlyDryRunARollbackUnlessAskedToApply() throws Exception {
        breakTheDeployment();
        for (int i = server.getRequestCount(); i > 0; i--) {
            server.takeRequest();
        }
        int before = server.getRequestCount();

        List<RollbackAction> actions = cluster().rollback(baseline, false);

        RollbackAction api = actions.stream().filter(a -> a.resource().equals(API)).findFirst().orElseThrow();
        assertThat(api.type()).isEqualTo(RollbackAction.Type.UPDATE);
        assertThat(api.changes()).extracting(FieldChange::display).contains(
                "spec.template.spec.containers[name=api].image: \"registry.example.com/payments/api:debug\" -> "
                        + "\"registry.example.com/payments/api:2.4.1\"");
        assertThat(api.note()).contains("remove them by hand");
        List<RecordedRequest> writes = new ArrayList<>();
        for (int i = before; i < server.getRequestCount(); i++) {
            RecordedRequest r = server.takeRequest();
            if (!r.getMethod().equals("GET")) {
                writes.add(r);
            }
        }
        assertThat(writes).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getMethod()).isEqualTo("PATCH");
            assertThat(r.getPath()).contains("dryRun=All", "fieldManager=k8s-security-gate", "force=true");
            assertThat(r.getHeader("Content-Type")).contains("apply-patch");
        });
    }

    @Test
    void shouldApplyTheVersionAndSkipObjectsWithSecretValues() {
        breakTheDeployment();
        client.services().inNamespace("payments").withName("api").delete();

        List<RollbackAction> actions = cluster().rollback(baseline, true);

        assertThat(actions).extracting(RollbackAction::resource, RollbackAction::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple(new ResourceRef("Secret", "payments", "api-db"),
                        RollbackAction.Type.SKIPPED),
                org.assertj.core.groups.Tuple.tuple(new ResourceRef("Role", "payments", "api-config"),
                        RollbackAction.Type.UNCHANGED),
                org.assertj.core.groups.Tuple.tuple(SERVICE, RollbackAction.Type.CREATE),
                org.assertj.core.groups.Tuple.tuple(API, RollbackAction.Type.UPDATE));
        Deployment restored = client.apps().deployments().inNamespace("payments").withName("api").get();
        assertThat(restored.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example.com/payments/api:2.4.1");
        assertThat(client.services().inNamespace("payments").withName("api").get()).isNotNull();
        assertThat(cluster().drift(baseline, List.of()).removed()).isEmpty();
    }
}
