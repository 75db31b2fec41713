package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An Argo {@code podSpecPatch} that cannot be applied (it does not parse, or is not a mapping of pod fields) is an
 * input error at the patch's file and line, never silently left out: what it sets is unknown.
 */
class PodSpecPatchTest {
    private static final String DIR = "argo-pod-spec-patch/";

    private static KubeModel model(final String fixture) {
        List<K8sObject> objects = new ManifestLoader().parse(fixture, Fixtures.read(DIR + fixture), d -> {
            throw new AssertionError(d.toString());
        });
        return new KubeModel(objects);
    }

    @Test
    void shouldReportJsonThatDoesNotParseAtThePatchLine() {
        assertThat(model("unparseable-json.yaml").diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.code()).isEqualTo("yaml-syntax");
            assertThat(d.location().file()).isEqualTo("unparseable-json.yaml");
            assertThat(d.location().line()).isEqualTo(12);
            assertThat(d.message()).startsWith("spec.templates[0].podSpecPatch of Workflow/ci/nightly does not parse")
                    .contains("the gate cannot check what the pod runs with");
        });
    }

    @Test
    void shouldReportAWorkflowWidePatchThatDoesNotParseOnceInsideItsBlock() {
        assertThat(model("unparseable-yaml.yaml").diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.code()).isEqualTo("yaml-syntax");
            assertThat(d.location().line()).isBetween(11, 14);
            assertThat(d.message()).startsWith("spec.podSpecPatch of Workflow/ci/weekly does not parse");
        });
    }

    @Test
    void shouldReportAListWhereAPatchOfThePodBelongs() {
        assertThat(model("list-patch.yaml").diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.code()).isEqualTo("input-type");
            assertThat(d.location().line()).isEqualTo(11);
            assertThat(d.message()).contains("podSpecPatch of WorkflowTemplate/ci/build holds a list");
        });
    }

    @Test
    void shouldReportAPatchThatIsNotText() {
        KubeModel model = new KubeModel(new ManifestLoader().parse("map.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: w}
                spec:
                  templates:
                    - name: main
                      podSpecPatch: {containers: [{name: main, securityContext: {privileged: true}}]}
                      container: {image: registry.example.com/tool:1.0.0}
                """, d -> {
            throw new AssertionError(d.toString());
        }));
        assertThat(model.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("input-type");
            assertThat(d.location().line()).isEqualTo(7);
            assertThat(d.message()).contains("a string holding a patch of the pod");
        });
    }

    @Test
    void shouldApplyAValidPatchWithoutAnyDiagnostic() {
        KubeModel model = model("valid-patch.yaml");
        assertThat(model.diagnostics()).isEmpty();
        assertThat(model.workloads().stream().flatMap(w -> w.containers().stream()))
                .filteredOn(c -> c.image().equals("registry.example.com/tool:1.0.0")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.setting("privileged").isTrue()).as("privileged, from the patch")
                        .isTrue());
    }
}
