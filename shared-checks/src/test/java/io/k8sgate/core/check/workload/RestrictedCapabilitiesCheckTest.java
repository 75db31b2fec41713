package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.model.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestrictedCapabilitiesCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new RestrictedCapabilitiesCheck();
    }

    @Test
    void shouldReportEachEntryButNetBindService() {
        List<Finding> found = findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: app
                      image: app:1
                      securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE, CHOWN]}}
                """);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.fieldPath()).isEqualTo("spec.containers[0].securityContext.capabilities.add[1]");
            assertThat(f.message()).isEqualTo("Container 'app' adds capability 'CHOWN'");
        });
    }

    @Test
    void shouldExemptWindowsFromVersion125AndNotApplyBefore122() {
        String windows = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  os: {name: windows}
                  containers: [{name: app, image: "app:1", securityContext: {capabilities: {add: [SYS_TIME]}}}]
                """;
        assertThat(findings("t.yaml", windows, Targets.v1(25))).isEmpty();
        assertThat(findings("t.yaml", windows, Targets.v1(24))).hasSize(1);
        assertThat(findings("t.yaml", windows.replace("windows", "linux"), Targets.v1(21))).isEmpty();
    }
}
