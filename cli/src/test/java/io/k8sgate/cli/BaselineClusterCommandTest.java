package io.k8sgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.k8sgate.cluster.MockCluster;
import io.k8sgate.core.policy.Verdict;
import io.k8sgate.fixtures.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineClusterCommandTest {
    @TempDir
    Path root;
    private MockCluster mock;
    private KubernetesClient client;
    private Path kubeconfig;

    @BeforeEach
    void startTheClusterWithTheRecordedVersion() throws Exception {
        mock = new MockCluster(Fixtures.path("baselines/cluster/app.yaml"));
        client = mock.client();
        kubeconfig = root.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: mock
                    cluster:
                      server: %s
                      insecure-skip-tls-verify: true
                contexts:
                  - name: mock
                    context:
                      cluster: mock
                      user: tester
                      namespace: payments
                current-context: mock
                users:
                  - name: tester
                    user:
                      token: test-token
                """.formatted(client.getMasterUrl()));
        Files.copy(Fixtures.path("baselines/cluster/app.yaml"), root.resolve("app.yaml"));
        OnlyPrivilegedPolicy.write(root, "");
        assertThat(run("baseline", "record", "--root", root.toString(), "app.yaml").code()).isZero();
    }

    @AfterEach
    void stopTheCluster() {
        mock.close();
    }

    private BaselineCommandTest.Run run(final String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new BaselineCommandTest.Run(code, out.toString(), err.toString());
    }

    private void changeTheImageByHand() {
        Deployment live = client.apps().deployments().inNamespace("payments").withName("api").get();
        client.resource(new DeploymentBuilder(live).editSpec().editTemplate().editSpec().editFirstContainer()
                .withImage("registry.example.com/payments/api:hotfix").endContainer().endSpec().endTemplate()
                .endSpec().build()).update();
    }

    @Test
    void shouldShowTheDriftOfTheLiveCluster() {
        BaselineCommandTest.Run clean = run("baseline", "diff", "--cluster", "--root", root.toString(),
                "--kubeconfig", kubeconfig.toString(), "--fail-on-drift");
        changeTheImageByHand();
        BaselineCommandTest.Run drifted = run("baseline", "diff", "--cluster", "--root", root.toString(),
                "--kubeconfig", kubeconfig.toString(), "--context", "mock", "--fail-on-drift");

        assertThat(clean.code()).as(clean.err()).isZero();
        assertThat(clean.out()).contains("from baseline v1:", "no drift");
        assertThat(drifted.code()).isEqualTo(Verdict.EXIT_FAIL);
        assertThat(drifted.out()).contains("~ Deployment/payments/api (1 security-relevant)",
                "! [image] spec.template.spec.containers[name=api].image: \"registry.example.com/payments/api:2.4.1\""
                        + " -> \"registry.example.com/payments/api:hotfix\"");
    }

    @Test
    void shouldDryRunARollbackUnlessApplyIsGiven() {
        changeTheImageByHand();

        BaselineCommandTest.Run dryRun = run("baseline", "rollback", "--cluster", "1", "--root", root.toString(),
                "--kubeconfig", kubeconfig.toString());
        String afterDryRun = client.apps().deployments().inNamespace("payments").withName("api").get().getSpec()
                .getTemplate().getSpec().getContainers().get(0).getImage();
        BaselineCommandTest.Run applied = run("baseline", "rollback", "--cluster", "1", "--apply", "--root",
                root.toString(), "--kubeconfig", kubeconfig.toString());

        assertThat(dryRun.code()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("Dry run (nothing changes; --apply to change)",
                "update Deployment/payments/api",
                "skipped Secret/payments/api-db (it holds secret values", "unchanged Service/payments/api");
        assertThat(afterDryRun).isEqualTo("registry.example.com/payments/api:hotfix");
        assertThat(applied.out()).startsWith("Rolling back").contains("update Deployment/payments/api");
        assertThat(client.apps().deployments().inNamespace("payments").withName("api").get().getSpec().getTemplate()
                .getSpec().getContainers().get(0).getImage()).isEqualTo("registry.example.com/payments/api:2.4.1");
    }

    @Test
    void shouldFailClosedWhenTheClusterDoesNotAnswer() throws Exception {
        Files.writeString(kubeconfig, Files.readString(kubeconfig).replace(client.getMasterUrl().toString(),
                "https://127.0.0.1:1/"));

        BaselineCommandTest.Run unreachable = run("baseline", "diff", "--cluster", "--root", root.toString(),
                "--kubeconfig", kubeconfig.toString());

        assertThat(unreachable.code()).isEqualTo(Verdict.EXIT_INPUT);
        assertThat(unreachable.err()).contains("The cluster at https://127.0.0.1:1/ refused or did not answer");
    }
}
