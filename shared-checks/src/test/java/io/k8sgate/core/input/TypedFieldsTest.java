package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values the API server refuses are input errors naming file and line, never "not set" (issue #16, items 1 and 2):
 * the string {@code "true"} in {@code privileged} would otherwise read as "not privileged" and pass.
 */
class TypedFieldsTest {
    private static List<Diagnostic> problems(final String yaml) {
        List<K8sObject> objects = new ManifestLoader().parse("t.yaml", yaml, d -> {
            throw new AssertionError(d.toString());
        });
        return new KubeModel(objects).diagnostics();
    }

    private static String pod(final String securityContext) {
        return container("securityContext:\n        " + securityContext);
    }

    private static String container(final String lines) {
        return """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: app
                      image: nginx
                      %s
                """.formatted(lines);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "privileged: \"true\"           | a string \"true\"   | a boolean",
        "privileged: \"yes\"            | a string \"yes\"    | a boolean",
        "privileged: tRUE               | a string \"tRUE\"   | a boolean",
        "privileged: !!str true         | a string \"true\"   | a boolean",
        "privileged: 1                  | the number 1        | a boolean",
        "allowPrivilegeEscalation: >-\\n          true | a string \"true\" | a boolean",
        "runAsUser: \"0\"               | a string \"0\"      | a 64-bit integer",
        "runAsUser: 0.5                 | the number 0.5      | a 64-bit integer",
        "runAsUser: 1e21                | the number 1e21     | a 64-bit integer",
        "runAsUser: 9223372036854775808 | the number 9223372036854775808 | a 64-bit integer",
        "runAsUser: 0:0                 | a string \"0:0\"    | a 64-bit integer",
        "runAsGroup: true               | the boolean true    | a 64-bit integer",
        "capabilities: {add: SYS_ADMIN} | a string            | a list",
        "capabilities: [SYS_ADMIN]      | a list              | a mapping",
    })
    void shouldReportAValueTheApiServerRefusesAtItsLine(final String field, final String shown,
            final String expected) {
        List<Diagnostic> found = problems(pod(field.replace("\\n", "\n")));

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("input-type");
            assertThat(d.location().file()).isEqualTo("t.yaml");
            assertThat(d.location().line()).isEqualTo(9);
            assertThat(d.message()).contains("Kubernetes reads " + expected).contains("refuses the object");
        });
        assertThat(found.get(0).message()).contains(" is " + shown);
    }

    @Test
    void shouldAcceptEverySpellingKubernetesAccepts() {
        assertThat(problems(pod("{privileged: !!bool 'on', runAsUser: 0x0, runAsGroup: 1e3, runAsNonRoot: Y, "
                + "capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}"))).isEmpty();
    }

    @Test
    void shouldCheckPodFieldsPortsAndWholeSecurityContexts() {
        List<Diagnostic> found = new KubeModel(new ManifestLoader().parse("refused-values.yaml",
                Fixtures.read("issue16/refused-values.yaml"), d -> {
                    throw new AssertionError(d.toString());
                })).diagnostics();

        assertThat(found).extracting(d -> d.location().line() + " " + d.message().replaceAll(",.*", ""))
                .containsExactlyInAnyOrder(
                        "8 spec.hostPID is a string \"true\"",
                        "13 spec.containers[0].securityContext.privileged is a string \"yes\"",
                        "14 spec.containers[0].securityContext.runAsUser is the number 0.5 (not a whole number in "
                                + "range)",
                        "17 spec.containers[0].ports[0].hostPort is a string \"8080\"",
                        "20 spec.containers[1].securityContext is a string");
    }

    @Test
    void shouldNeverQuoteTheValueOfAStringField() {
        List<Diagnostic> found = problems(container("env: [{name: PIN, value: 482913}]"));

        assertThat(found).singleElement().satisfies(d -> assertThat(d.message()).doesNotContain("482913")
                .startsWith("spec.containers[0].env[0].value is the number, but Kubernetes reads a string there"));
    }

    @Test
    void shouldReportLabelsAndAnnotationsThatAreNotStringsOfObjectsAndPodTemplates() {
        List<Diagnostic> found = problems("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  annotations: {prometheus.io/port: 8080, prometheus.io/scrape: "true"}
                spec:
                  template:
                    metadata:
                      labels: {app: web, version: 1.0}
                    spec:
                      containers: [{name: app, image: nginx}]
                """);

        assertThat(found).extracting(d -> d.location().line() + " " + d.message().replaceAll(",.*", ""))
                .containsExactly("5 metadata.annotations[\"prometheus.io/port\"] is the number",
                        "9 spec.template.metadata.labels.version is the number");
    }

    @Test
    void shouldCheckServicePortsAndServiceAccountFlags() {
        List<Diagnostic> found = problems("""
                apiVersion: v1
                kind: Service
                metadata: {name: s}
                spec:
                  type: NodePort
                  ports: [{port: "22", nodePort: 30022.5}]
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: sa}
                automountServiceAccountToken: "false"
                """);

        assertThat(found).extracting(d -> d.location().line()).containsExactly(6, 6, 11);
    }
}
