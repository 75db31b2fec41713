package io.k8sgate.core.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pod helpers of custom checks find the pod of every kind that runs one, as the built-in checks do. */
class WorkloadLibraryTest {
    @ParameterizedTest(name = "[{index}] {0}")
    // CHECKSTYLE.OFF: LineLength - a table of cases: one case a line reads better than wrapped rows
    @CsvSource(delimiter = '|', textBlock = """
            {apiVersion: v1, kind: Pod, metadata: {labels: {a: b}}, spec: {initContainers: [{image: init}], containers: [{image: app}]}} | init,app | b
            {apiVersion: apps/v1, kind: Deployment, spec: {template: {metadata: {labels: {a: c}}, spec: {containers: [{image: web}]}}}} | web | c
            {apiVersion: batch/v1, kind: CronJob, spec: {jobTemplate: {spec: {template: {spec: {containers: [{image: job}]}}}}}} | job | none
            {apiVersion: argoproj.io/v1alpha1, kind: Rollout, spec: {template: {spec: {containers: [{image: roll}]}}}} | roll | none
            {apiVersion: kubeflow.org/v1, kind: TFJob, spec: {tfReplicaSpecs: {Chief: {template: {spec: {containers: [{image: chief}]}}}, Worker: {template: {spec: {containers: [{image: worker}]}}}}}} | chief,worker | none
            {apiVersion: v1, kind: ConfigMap, data: {a: b}} | '' | none
            """)
    // CHECKSTYLE.ON: LineLength
    void shouldFindThePodOfAnyWorkload(final String object, final String images, final String label) throws Exception {
        assertThat(CelTesting.eval(Environment.CUSTOM_CHECK, "allContainers(object).map(c, c.image).join(',')",
                object)).isEqualTo(images);
        assertThat(CelTesting.eval(Environment.CUSTOM_CHECK, "podMetadata(object).?labels.a.orValue('none')",
                object)).isEqualTo(label);
        assertThat(CelTesting.eval(Environment.CUSTOM_CHECK, "podSpec(object).size() > 0", object))
                .isEqualTo(!images.isEmpty());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            podSpec({'kind': 'Pod'})
            allContainers(1)
            """)
    void shouldRefuseValuesThatAreNotObjectsOfTheManifests(final String expression) {
        assertThatThrownBy(() -> CelTesting.eval(Environment.CUSTOM_CHECK, expression, "kind: Pod"))
                .isInstanceOf(EvaluationException.class).hasMessageContaining("takes an object of the manifests");
    }
}
