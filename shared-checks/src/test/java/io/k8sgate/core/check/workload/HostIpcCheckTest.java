package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.model.Finding;
import org.junit.jupiter.api.Test;

class HostIpcCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new HostIpcCheck();
    }

    @Test
    void shouldReportTheCronJobTemplateField() {
        assertThat(findings("""
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: c}
                spec:
                  schedule: "@daily"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          hostIPC: true
                          containers: [{name: job, image: "job:1"}]
                """)).singleElement().extracting(Finding::fieldPath)
                .isEqualTo("spec.jobTemplate.spec.template.spec.hostIPC");
    }

    @Test
    void shouldCheckTheTemplateOfAControllerKindEvenWithoutContainers() {
        assertThat(findings("""
                apiVersion: apps.openshift.io/v1
                kind: DeploymentConfig
                metadata: {name: app}
                spec:
                  template:
                    spec:
                      hostIPC: true
                """)).singleElement().extracting(Finding::fieldPath).isEqualTo("spec.template.spec.hostIPC");
    }
}
