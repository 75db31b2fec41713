package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.model.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table of pod-running kinds, its file format and the policy's additions (issue #16, item 3). */
class WorkloadKindsTest {
    private static List<K8sObject> load(final String yaml) {
        return new ManifestLoader().parse("w.yaml", yaml, d -> {
            throw new AssertionError(d.toString());
        });
    }

    private static YamlNode yaml(final String text) {
        return new YamlParser(LoaderLimits.DEFAULT).parse("p.yaml", text, d -> {
            throw new AssertionError(d.toString());
        }).get(0).root().orElseThrow();
    }

    @Test
    void shouldFindEveryContainerOfAnArgoWorkflowWithTheWorkflowSecurityContextAsDefault() {
        K8sObject workflow = load("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: build, namespace: ci}
                spec:
                  securityContext: {runAsNonRoot: true}
                  hostNetwork: true
                  templates:
                    - name: main
                      metadata: {annotations: {a: b}}
                      initContainers: [{name: init, image: busybox}]
                      container: {image: builder}
                      sidecars: [{name: dind, image: docker}]
                    - name: script
                      securityContext: {runAsNonRoot: false}
                      script: {image: python, source: x}
                    - name: set
                      containerSet: {containers: [{name: a, image: a}, {name: b, image: b}]}
                    - name: steps
                      steps: [[{name: one, template: main}]]
                """).get(0);

        List<Workload> pods = WorkloadKinds.BUILT_IN.workloadsOf(workflow);

        assertThat(pods).extracting(w -> w.podSpec().fieldPath()).containsExactly("spec", "spec.templates[0]",
                "spec.templates[1]", "spec.templates[2]", "spec.templates[3]");
        assertThat(pods.get(0).runsContainers()).isFalse();
        assertThat(pods.get(0).podField("hostNetwork").isTrue()).isTrue();
        assertThat(pods.get(1).containers()).extracting(c -> c.node().fieldPath()).containsExactly(
                "spec.templates[0].initContainers[0]", "spec.templates[0].container",
                "spec.templates[0].sidecars[0]");
        assertThat(pods.get(1).containers().get(1).effective("runAsNonRoot").isTrue())
                .as("a template inherits the workflow's securityContext").isTrue();
        assertThat(pods.get(2).containers().get(0).effective("runAsNonRoot").bool()).contains(false);
        assertThat(pods.get(3).containers()).hasSize(2);
        assertThat(pods.get(4).containers()).isEmpty();
        assertThat(pods.get(1).podAnnotations()).containsEntry("a", "b");
        assertThat(pods).allMatch(Workload::runsToCompletion);
    }

    @Test
    void shouldFindPodsInEveryReplicaTypeAndListElement() {
        List<K8sObject> objects = load("""
                apiVersion: kubeflow.org/v1
                kind: TFJob
                metadata: {name: train}
                spec:
                  tfReplicaSpecs:
                    Chief: {template: {spec: {containers: [{name: tf, image: tf}]}}}
                    Worker: {template: {metadata: {labels: {role: w}}, spec: {containers: [{name: tf, image: tf}]}}}
                ---
                apiVersion: ray.io/v1
                kind: RayCluster
                metadata: {name: ray}
                spec:
                  headGroupSpec: {template: {spec: {containers: [{name: head, image: ray}]}}}
                  workerGroupSpecs:
                    - {template: {spec: {containers: [{name: w1, image: ray}]}}}
                    - {template: {spec: {containers: [{name: w2, image: ray}]}}}
                """);

        KubeModel model = new KubeModel(objects);

        assertThat(model.workloads()).extracting(w -> w.podSpec().fieldPath()).containsExactly(
                "spec.tfReplicaSpecs.Chief.template.spec", "spec.tfReplicaSpecs.Worker.template.spec",
                "spec.headGroupSpec.template.spec", "spec.workerGroupSpecs[0].template.spec",
                "spec.workerGroupSpecs[1].template.spec");
        assertThat(model.workloads().get(1).podLabels()).containsEntry("role", "w");
        assertThat(model.slice(1, 2).workloads()).hasSize(3).allMatch(w -> w.kind().equals("RayCluster"));
    }

    @Test
    void shouldTakeASparkDriverAsBothPodAndContainer() {
        Workload driver = WorkloadKinds.BUILT_IN.workloadsOf(load("""
                apiVersion: sparkoperator.k8s.io/v1beta2
                kind: SparkApplication
                metadata: {name: etl}
                spec:
                  driver:
                    labels: {app: etl}
                    podSecurityContext: {runAsUser: 0}
                    securityContext: {privileged: true}
                    sidecars: [{name: proxy, image: envoy}]
                """).get(0)).get(0);

        assertThat(driver.podSecurityContext().fieldPath()).isEqualTo("spec.driver.podSecurityContext");
        assertThat(driver.podLabels()).containsEntry("app", "etl");
        assertThat(driver.containers()).extracting(c -> c.node().fieldPath()).containsExactly("spec.driver",
                "spec.driver.sidecars[0]");
        assertThat(driver.containers().get(0).securityContext().get("privileged").isTrue()).isTrue();
    }

    @Test
    void shouldStillTakeUnknownKindsWithAPodTemplateButNotOtherTemplates() {
        List<K8sObject> objects = load("""
                apiVersion: example.com/v1
                kind: Runner
                metadata: {name: r}
                spec: {template: {spec: {containers: [{name: c, image: x}]}}}
                ---
                apiVersion: example.com/v1
                kind: Report
                metadata: {name: r}
                spec: {template: {spec: {title: quarterly}}}
                """);

        assertThat(WorkloadKinds.BUILT_IN.workloadsOf(objects.get(0))).hasSize(1);
        assertThat(WorkloadKinds.BUILT_IN.workloadsOf(objects.get(1))).isEmpty();
    }

    @Test
    void shouldLetAPolicyAddAKindWithItsPodPaths() {
        K8sObject build = load("""
                apiVersion: ci.example.com/v1
                kind: BuildJob
                metadata: {name: b}
                spec:
                  runner: {template: {spec: {containers: [{name: runner, image: r}]}}}
                  steps:
                    - {name: compile, image: maven, securityContext: {privileged: true}}
                """).get(0);
        List<String> problems = new ArrayList<>();
        List<WorkloadKinds.WorkloadKind> added = WorkloadKinds.read(yaml("""
                - apiGroup: ci.example.com
                  kinds: [BuildJob]
                  runsToCompletion: true
                  pods:
                    - spec.runner.template.spec
                    - {path: "spec.steps[]", containers: {.: container}}
                """), (node, message) -> problems.add(message));

        assertThat(problems).isEmpty();
        assertThat(WorkloadKinds.BUILT_IN.workloadsOf(build)).isEmpty();
        List<Workload> pods = WorkloadKinds.BUILT_IN.with(added).workloadsOf(build);
        assertThat(pods).flatExtracting(Workload::containers).extracting(Container::name)
                .containsExactly("runner", "compile");
        assertThat(pods.get(1).containers().get(0).securityContext().get("privileged").isTrue()).isTrue();
    }

    @Test
    void shouldMergeTemplateAndPatchIntoAnAddedKindsContainersAsItsControllerDoes() {
        K8sObject build = load("""
                apiVersion: ci.example.com/v1
                kind: BuildJob
                metadata: {name: b}
                spec:
                  patch: |
                    securityContext: {runAsUser: 0}
                    containers: [{name: test, securityContext: {readOnlyRootFilesystem: false}}]
                  defaults: {securityContext: {runAsNonRoot: true, readOnlyRootFilesystem: true}, image: base:1}
                  steps:
                    - {name: compile, image: maven:3}
                    - {name: test, securityContext: {readOnlyRootFilesystem: true}}
                """).get(0);
        List<String> problems = new ArrayList<>();
        List<WorkloadKinds.WorkloadKind> added = WorkloadKinds.read(yaml("""
                - apiGroup: ci.example.com
                  kinds: [BuildJob]
                  pods:
                    - {path: spec, patch: patch, containers: {"steps[]": {type: container, template: defaults}}}
                """), (node, message) -> problems.add(message));

        assertThat(problems).isEmpty();
        Workload pod = WorkloadKinds.BUILT_IN.with(added).workloadsOf(build).get(0);
        Container compile = pod.containers().get(0);
        Container test = pod.containers().get(1);
        assertThat(pod.containers()).extracting(Container::name).containsExactly("compile", "test");
        assertThat(compile.image()).isEqualTo("maven:3");
        assertThat(test.image()).isEqualTo("base:1");
        assertThat(compile.setting("readOnlyRootFilesystem").isTrue()).isTrue();
        assertThat(test.setting("readOnlyRootFilesystem").bool()).contains(false);
        assertThat(test.setting("readOnlyRootFilesystem").location().line()).isEqualTo(7);
        assertThat(compile.effective("runAsUser").number()).hasValue(0);
        assertThat(compile.effective("runAsNonRoot").isTrue()).isTrue();
    }

    @Test
    void shouldNameEachMalformedEntryOfAnAddedKind() {
        List<String> problems = new ArrayList<>();
        List<WorkloadKinds.WorkloadKind> read = WorkloadKinds.read(yaml("""
                - apiGroup: ci.example.com
                  kinds: []
                  pods: [spec.template.spec]
                - kinds: [A]
                  pods: ["spec..[x]"]
                - kinds: [B]
                  pods: [{path: spec, containers: {"steps[]": sidecar}, colour: red}]
                - kinds: [C]
                  runsToCompletion: maybe
                  pods: []
                - just a string
                """), (node, message) -> problems.add(node.location().line() + ": " + message));

        assertThat(read).isEmpty();
        assertThat(problems).containsExactly(
                "2: kinds must be a non-empty list of kind names",
                "5: a pod path is written like spec.template.spec or spec.templates[].container (got 'spec..[x]')",
                "7: Unknown key 'colour' (allowed: containers, defaults, metadata, patch, path, securityContext)",
                "7: a container type is container, init or ephemeral",
                "9: runsToCompletion must be true or false",
                "10: pods must be a non-empty list of pod locations ({path: ...})",
                "11: each workload kind is a mapping with apiGroup, kinds and pods");
    }

    @Test
    void shouldListTheKindsTheIssueNamesInTheBuiltInTable() {
        List<String> kinds = WorkloadKinds.BUILT_IN.entries().stream()
                .flatMap(k -> k.kinds().stream().map(kind -> k.apiGroup() + "/" + kind)).toList();

        assertThat(kinds).contains("/PodTemplate", "keda.sh/ScaledJob", "argoproj.io/Workflow",
                "argoproj.io/WorkflowTemplate", "argoproj.io/ClusterWorkflowTemplate", "argoproj.io/CronWorkflow",
                "tekton.dev/Task", "tekton.dev/PipelineRun", "kubeflow.org/PyTorchJob", "batch.volcano.sh/Job",
                "ray.io/RayJob", "sparkoperator.k8s.io/SparkApplication", "serving.kserve.io/InferenceService",
                "serving.knative.dev/Service", "machinelearning.seldon.io/SeldonDeployment");
    }

    @Test
    void shouldDocumentEveryKindOfTheTableInTheReadme() throws java.io.IOException {
        String root = System.getProperty("k8s.projectRoot", "");
        java.nio.file.Path project = root.isEmpty() ? java.nio.file.Paths.get("").toAbsolutePath().getParent()
                : java.nio.file.Paths.get(root);
        String readme = java.nio.file.Files.readString(project.resolve("README.md"));
        String section = readme.substring(readme.indexOf("### Kinds that run pods"),
                readme.indexOf("## Hostile and odd input"));

        for (WorkloadKinds.WorkloadKind k : WorkloadKinds.BUILT_IN.entries()) {
            assertThat(section).as("the README's table of kinds that run pods").contains(k.kinds())
                    .contains(k.apiGroup().isEmpty() ? "(core)" : "`" + k.apiGroup() + "`");
        }
    }

    @Test
    void shouldReportAPodSpecOfTheWrongShapeInsteadOfSeeingNoPods() {
        List<K8sObject> objects = load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec: {template: {spec: "privileged: true"}}
                """);

        List<Diagnostic> problems = new KubeModel(objects).diagnostics();

        assertThat(problems).extracting(Diagnostic::code).containsExactly("input-type");
        assertThat(problems.get(0).message()).startsWith("spec.template.spec is a string, but Kubernetes reads a "
                + "pod specification (a mapping) there and refuses the object");
    }
}
