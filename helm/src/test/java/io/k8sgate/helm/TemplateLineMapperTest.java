package io.k8sgate.helm;

import static io.k8sgate.helm.Charts.lineOf;
import static io.k8sgate.helm.Charts.linesOf;
import static io.k8sgate.helm.Charts.object;
import static io.k8sgate.helm.Charts.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.input.render.RenderedChart;
import io.k8sgate.core.input.render.RenderedTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateLineMapperTest {
    private static final RenderedChart WEB = render("helm/web", List.of("values-prod.yaml"),
            List.of("extraArgs={--verbose}"));

    /** Rendered line of the web Deployment, the template line of {@code templates/deployment.yaml} it comes from. */
    @ParameterizedTest(name = "[{index}] {0} <- {1}")
    @CsvSource(delimiter = '|', value = {
            // keys written literally
            "kind: Deployment                                     | 2",
            "name: rel-web                                        | 4",
            "replicas: 5                                          | 8",
            "image: \"registry.example.com/shop/web:2.0.0\"       | 26",
            "imagePullPolicy: IfNotPresent                        | 27",
            "containerPort: 8080                                  | 41",
            // include of a helper: the labels lead to the include call
            "helm.sh/chart: web-1.2.0                             | 6",
            "app.kubernetes.io/managed-by: Helm                   | 6",
            // with: the key inside the block, and the toYaml call under it
            "annotations:                                         | 15",
            "description: Überwachung – ウェブ                    | 16",
            "nodeSelector:                                        | 49",
            "pool: web                                            | 50",
            // toYaml of values, after a literal key
            "runAsUser: 10001                                     | 23",
            "readOnlyRootFilesystem: true                         | 33",
            "- ALL                                                | 33",
            "memory: 256Mi                                        | 43",
            "- --verbose                                          | 30",
            // range over a map: every turn leads to the loop body
            "- name: FEATURE_FLAGS                                | 36",
            "value: \"search,cart\"                               | 37",
            "- name: LOG_LEVEL                                    | 36",
            "value: \"info\"                                      | 37",
            // range over a list, after the loop above
            "- name: proxy                                        | 45",
            "image: registry.example.com/shop/proxy:3.1           | 46"})
    void shouldTraceDeploymentLines(final String rendered, final int templateLine) {
        RenderedTemplate deployment = object(WEB, "Deployment", "rel-web");

        assertThat(deployment.templateLine(lineOf(deployment, rendered))).as(rendered).isEqualTo(templateLine);
    }

    @Test
    void shouldTraceEveryLineOfTheTemplatesOfTheChart() {
        assertThat(WEB.templates()).allSatisfy(t -> {
            int lines = (int) t.text().lines().count();
            assertThat(t.templateLines()).as(t.source()).hasSize(lines).doesNotContain(0);
        });
    }

    @Test
    void shouldTraceTplOutputToTheTplCall() {
        RenderedTemplate config = object(WEB, "ConfigMap", "rel-web-config");

        assertThat(config.templateLine(lineOf(config, "greeting: hello rel"))).isEqualTo(11);
        assertThat(config.templateLine(lineOf(config, "config.yaml: |"))).isEqualTo(10);
        assertThat(config.templateLine(lineOf(config, "previous: \"none\""))).isEqualTo(9);
    }

    @Test
    void shouldTraceEachDocumentOfAMultiDocumentTemplateToItsOwnPart() {
        assertThat(lineIn("Job", "rel-web-migrate", "privileged: true")).isEqualTo(55);
        assertThat(lineIn("Job", "rel-web-migrate", "kind: Job")).isEqualTo(39);
        assertThat(lineIn("Role", "rel-web-migrate", "verbs: [\"*\"]")).isEqualTo(20);
        assertThat(lineIn("RoleBinding", "rel-web-migrate", "namespace: shop")).isEqualTo(36);
        assertThat(lineIn("ServiceAccount", "rel-web-migrate", "\"helm.sh/hook-weight\": \"-10\"")).isEqualTo(8);
    }

    @Test
    void shouldTraceSubchartsFromFoldersAndArchives() {
        assertThat(lineIn("DaemonSet", "rel-metrics", "path: /")).isEqualTo(25);
        assertThat(lineIn("StatefulSet", "rel-cache", "runAsUser: 0")).isEqualTo(19);
        assertThat(lineIn("Job", "rel-cache-warmup", "hostNetwork: true")).isEqualTo(11);
    }

    @Test
    void shouldSetDefineBlocksAsideAndFollowTrimMarkers() {
        String template = """
                {{- define "x.labels" -}}
                app: x
                {{- end }}
                {{- if .Values.enabled -}}
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  labels: {{- include "x.labels" . | nindent 4 }}
                data:
                  {{- /* a comment */}}
                  key: {{ .Values.key }}
                {{- end }}
                """;

        int[] lines = TemplateLineMapper.of(template).map(List.of("apiVersion: v1", "kind: ConfigMap", "metadata:",
                "  labels:", "    app: x", "data:", "  key: value"));

        assertThat(lines).containsExactly(5, 6, 7, 8, 8, 9, 11);
    }

    @Test
    void shouldTraceAWholeObjectIncludedByAHelperToTheInclude() {
        String template = """
                # the object comes from a library chart
                {{ include "common.deployment" . }}
                """;

        int[] lines = TemplateLineMapper.of(template).map(List.of("# the object comes from a library chart",
                "apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: web"));

        assertThat(lines).containsExactly(1, 2, 2, 2, 2);
    }

    @Test
    void shouldLeaveLinesItCannotExplainAtZero() {
        int[] lines = TemplateLineMapper.of("apiVersion: v1\nkind: ConfigMap\n")
                .map(List.of("apiVersion: v1", "kind: Secret", "", "kind: ConfigMap"));

        assertThat(lines).containsExactly(1, 0, 0, 2);
    }

    @Test
    void shouldGiveRepeatedEqualDocumentsToTheirTemplatePartsInTurn() {
        String template = """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: {{ .Values.first }}
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: {{ .Values.second }}
                """;
        TemplateLineMapper mapper = TemplateLineMapper.of(template);
        List<String> document = List.of("apiVersion: v1", "kind: ServiceAccount", "metadata:", "  name: a");

        assertThat(mapper.map(document)).containsExactly(1, 2, 3, 4);
        assertThat(mapper.map(document)).containsExactly(6, 7, 8, 9);
    }

    private static int lineIn(final String kind, final String name, final String rendered) {
        RenderedTemplate template = object(WEB, kind, name);
        List<Integer> found = linesOf(template, rendered);
        assertThat(found).as(rendered + " in " + kind + "/" + name).isNotEmpty();
        return template.templateLine(found.get(0));
    }
}
