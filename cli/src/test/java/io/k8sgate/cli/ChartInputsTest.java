package io.k8sgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k8sgate.core.policy.Verdict;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Helm charts through the command line with the Helm renderer it ships (issue #13): values files, --set, release and
 * namespace; hooks checked and marked; findings at the template file and line, in every report; a dependency that is
 * not vendored refused with the fix.
 */
class ChartInputsTest {
    private static final String FIXTURES = Fixtures.root().toString();

    private static JsonNode report(final Path dir) throws IOException {
        return new ObjectMapper().readTree(dir.resolve("k8s-security-report.json").toFile());
    }

    private static List<JsonNode> list(final JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    @Test
    void shouldRenderAChartWithItsValuesReleaseAndNamespaceAndMarkItsHooks(@TempDir final Path out)
            throws IOException {
        MainTest.Run r = MainTest.run("check", "--root", FIXTURES, "helm/web", "--values",
                "helm/web/values-prod.yaml", "--set", "replicaCount=3", "--release", "shop", "--namespace", "shop",
                "--format", "json,sarif,junit,md,html", "--output-dir", out.toString());

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Verdict.EXIT_FAIL);
        assertThat(r.out()).contains("Rendered chart web 1.2.0 (helm/web), release shop, namespace shop, values "
                + "helm/web/values-prod.yaml, --set replicaCount: 13 object(s), 6 of them Helm hooks")
                .contains("CRITICAL K8S-WL-001 Job/shop/shop-web-migrate [migrate] (Helm hook) "
                        + "helm/web/templates/migrate-hook.yaml:55: Container 'migrate' runs privileged");

        JsonNode json = report(out);
        JsonNode chart = json.path("inputs").path("rendered").get(0);
        assertThat(chart.path("renderer").asText()).isEqualTo("helm");
        assertThat(chart.path("release").asText()).isEqualTo("shop");
        assertThat(list(chart.path("valuesFiles"))).extracting(JsonNode::asText)
                .containsExactly("helm/web/values-prod.yaml");
        assertThat(list(chart.path("setKeys"))).extracting(JsonNode::asText).containsExactly("replicaCount");
        // a vendored subchart (a folder) and a packaged one (an archive) are rendered with the chart, offline
        assertThat(list(chart.path("objects"))).extracting(o -> o.path("file").asText())
                .anyMatch(s -> s.startsWith("helm/web/charts/metrics/templates/daemonset.yaml"))
                .anyMatch(s -> s.startsWith("helm/web/charts/cache/templates/warmup-hook.yaml"));
        JsonNode privileged = list(json.path("findings")).stream()
                .filter(f -> f.path("checkId").asText().equals("K8S-WL-001")).findFirst().orElseThrow();
        assertThat(privileged.path("file").asText()).isEqualTo("helm/web/templates/migrate-hook.yaml");
        assertThat(privileged.path("properties").path("helmHook").asText()).isEqualTo("pre-install,pre-upgrade");
        assertThat(privileged.path("properties").path("rendered").asText())
                .matches("line \\d+ of `helm template shop helm/web --namespace shop -f helm/web/values-prod.yaml "
                        + "--set replicaCount=\\.\\.\\. --show-only templates/migrate-hook.yaml`");
        assertThat(java.nio.file.Files.readString(out.resolve("k8s-security-summary.md")))
                .contains("Rendered chart web 1.2.0 (helm/web)").contains("(Helm hook)");
        assertThat(java.nio.file.Files.readString(out.resolve("k8s-security-junit.xml")))
                .contains("rendered chart web 1.2.0 (helm/web)").contains("Helm hook: pre-install,pre-upgrade");
    }

    @Test
    void shouldFailClosedOnADependencyThatIsNotVendoredAndSayHowToFetchIt() {
        MainTest.Run r = MainTest.run("check", "--root", FIXTURES, "helm/missing-dependency");

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Verdict.EXIT_INPUT);
        assertThat(r.out()).contains("ERROR helm/missing-dependency/Chart.yaml:")
                .contains("'postgresql'", "helm dependency build", "never downloaded").contains("[helm-render]");
    }

    @Test
    void shouldDoTheProjectsWholeJobWithNoArguments(@TempDir final Path out) throws IOException {
        MainTest.Run r = MainTest.run("check", "--root", Fixtures.path("repos/project").toString(), "--format",
                "json", "--output-dir", out.toString());

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Verdict.EXIT_FAIL);
        assertThat(r.out()).contains("Rendered chart shop 1.4.0 (charts/shop), release shop, namespace shop, values "
                + "charts/shop/values-prod.yaml, --set image.tag: 5 object(s), 4 of them Helm hooks")
                .contains("Rendered kustomization deploy/overlays/prod: 1 object(s)")
                .contains("K8S-WL-001 Deployment/shop/shop-web [web] charts/shop/templates/deployment.yaml:23");
        // installed into its namespace, the hook's service account is the one its RoleBinding names
        assertThat(r.out()).contains("K8S-RBAC-018 Job/shop/shop-migrate (Helm hook)");
        assertThat(list(report(out).path("inputs").path("rendered"))).extracting(s -> s.path("path").asText())
                .containsExactly("charts/shop", "deploy/overlays/prod");
    }
}
