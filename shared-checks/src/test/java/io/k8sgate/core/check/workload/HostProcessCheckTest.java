package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.model.Finding;
import org.junit.jupiter.api.Test;

class HostProcessCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new HostProcessCheck();
    }

    @Test
    void shouldReportPodAndContainerLevelsSeparately() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  os: {name: windows}
                  securityContext: {windowsOptions: {hostProcess: true}}
                  containers:
                    - name: shell
                      image: nanoserver:ltsc2022
                      securityContext: {windowsOptions: {hostProcess: true}}
                """)).extracting(Finding::fieldPath, Finding::message).containsExactly(
                tuple("spec.securityContext.windowsOptions.hostProcess",
                        "Pod securityContext: windowsOptions.hostProcess is true"),
                tuple("spec.containers[0].securityContext.windowsOptions.hostProcess",
                        "Container 'shell': windowsOptions.hostProcess is true"));
    }
}
