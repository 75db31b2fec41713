package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import org.junit.jupiter.api.Test;

class SeLinuxOptionsCheckTest extends AbstractCheckTest {
    private static final String ENGINE = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
                - name: buildkit
                  image: moby/buildkit:v0.16.0
                  securityContext: {seLinuxOptions: {type: container_engine_t}}
            """;

    @Override
    protected Check check() {
        return new SeLinuxOptionsCheck();
    }

    @Test
    void shouldAllowTheEngineTypeFromVersion131() {
        assertThat(findings("t.yaml", ENGINE, Targets.v1(31))).isEmpty();
        assertThat(findings("t.yaml", ENGINE, Targets.v1(30))).singleElement().satisfies(f -> {
            assertThat(f.fieldPath()).isEqualTo("spec.containers[0].securityContext.seLinuxOptions.type");
            assertThat(f.message()).isEqualTo("Container 'buildkit': seLinuxOptions.type is 'container_engine_t'");
        });
    }

    @Test
    void shouldLeaveTheLevelFree() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext: {seLinuxOptions: {level: "s0:c1,c2", user: ""}}
                  containers: [{name: a, image: "a:1"}]
                """)).isEmpty();
    }
}
