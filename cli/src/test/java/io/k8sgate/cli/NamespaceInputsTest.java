package io.k8sgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The namespace the inputs are deployed to, through the command line: {@code --namespace} puts the namespaced objects
 * of every input kind that name none into it (cluster-scoped kinds stay as they are), so a service account and the
 * binding that names it in that namespace are one subject; without it, a chart's copy of Helm's default release
 * namespace counts as no namespace, and messages cite other objects at their source file and line.
 */
class NamespaceInputsTest {
    private static final String FIXTURES = Fixtures.root().toString();
    private static final String[] MANIFESTS = {"repos/deploy-namespace/account.yaml",
        "repos/deploy-namespace/worker.yaml", "repos/deploy-namespace/cluster-binding.yaml"};

    private static JsonNode check(final Path out, final String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("check", "--root", FIXTURES, "--format", "json", "--output-dir",
                out.toString()));
        all.addAll(List.of(args));
        MainTest.Run r = MainTest.run(all.toArray(String[]::new));
        assertThat(r.err()).as(r.out() + r.err()).doesNotContain("Exception");
        JsonNode json = new ObjectMapper().readTree(out.resolve("k8s-security-report.json").toFile());
        assertThat(list(json.path("diagnostics"))).as(r.out())
                .noneMatch(d -> d.path("level").asText().equals("ERROR"));
        return json;
    }

    private static List<JsonNode> list(final JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static List<JsonNode> findings(final JsonNode report, final String checkId) {
        return list(report.path("findings")).stream().filter(f -> f.path("checkId").asText().equals(checkId))
                .toList();
    }

    private static String resource(final JsonNode finding) {
        JsonNode r = finding.path("resource");
        return r.path("kind").asText() + "/" + r.path("namespace").asText() + "/" + r.path("name").asText();
    }

    @Test
    void shouldDeployPlainManifestsIntoTheGivenNamespace(@TempDir final Path out) throws IOException {
        JsonNode unset = check(out.resolve("unset"), MANIFESTS);
        JsonNode inOps = check(out.resolve("ops"), concat(MANIFESTS, "--namespace", "ops"));

        // without a namespace, the account the binding names (ops/worker) is not the one the Deployment runs as
        assertThat(findings(unset, "K8S-RBAC-018")).isEmpty();
        assertThat(findings(unset, "K8S-WL-060")).singleElement()
                .satisfies(f -> assertThat(resource(f)).isEqualTo("Deployment//worker"));
        // with it, they are one subject, and the Deployment mounts a cluster-admin token
        assertThat(findings(inOps, "K8S-RBAC-018")).singleElement().satisfies(f -> {
            assertThat(resource(f)).isEqualTo("Deployment/ops/worker");
            assertThat(f.path("severity").asText()).isEqualTo("CRITICAL");
        });
        // the cluster-scoped binding gets no namespace
        assertThat(list(inOps.path("findings"))).extracting(NamespaceInputsTest::resource)
                .filteredOn(r -> r.startsWith("ClusterRoleBinding/")).isNotEmpty()
                .allMatch(r -> r.equals("ClusterRoleBinding//worker-admin"));
    }

    @Test
    void shouldDeployAKustomizationIntoTheGivenNamespace(@TempDir final Path out) throws IOException {
        JsonNode inOps = check(out, "repos/deploy-namespace", "--namespace", "ops");

        assertThat(findings(inOps, "K8S-RBAC-018")).singleElement().satisfies(f -> {
            assertThat(resource(f)).isEqualTo("Deployment/ops/worker");
            assertThat(f.path("file").asText()).isEqualTo("repos/deploy-namespace/worker.yaml");
        });
        // the service account is cited at its own file and line, as findings on it would be
        assertThat(findings(inOps, "K8S-WL-060")).singleElement().satisfies(f -> assertThat(f.path("message")
                .asText()).contains("service account 'worker' (repos/deploy-namespace/account.yaml:2)"));
    }

    @Test
    void shouldNotBlameAChartForTheReleaseNamespaceHelmDefaultsTo(@TempDir final Path out) throws IOException {
        JsonNode unset = check(out.resolve("unset"), "helm/release-namespace");

        // rendered by Helm for `default`: only the object the chart itself pins to default is reported
        assertThat(findings(unset, "K8S-WL-061")).extracting(NamespaceInputsTest::resource)
                .containsExactly("ConfigMap/default/pinned");
        assertThat(list(unset.path("inputs").path("rendered").get(0).path("objects")))
                .extracting(o -> o.path("resource").path("kind").asText() + "/"
                        + o.path("resource").path("namespace").asText())
                .contains("Deployment/", "ServiceAccount/", "ConfigMap/default");
        assertThat(findings(unset, "K8S-WL-060")).singleElement().satisfies(f -> assertThat(f.path("message")
                .asText()).contains("service account 'app' (helm/release-namespace/templates/app.yaml:1)"));

        JsonNode inShop = check(out.resolve("shop"), "helm/release-namespace", "--namespace", "shop");
        assertThat(findings(inShop, "K8S-WL-061")).extracting(NamespaceInputsTest::resource)
                .containsExactly("ConfigMap/default/pinned");
        assertThat(findings(inShop, "K8S-WL-060")).extracting(NamespaceInputsTest::resource)
                .containsExactly("Deployment/shop/app");
    }

    private static String[] concat(final String[] first, final String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
