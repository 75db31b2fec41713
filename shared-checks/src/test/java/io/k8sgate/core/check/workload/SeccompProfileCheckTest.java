package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import org.junit.jupiter.api.Test;

class SeccompProfileCheckTest extends AbstractCheckTest {
    private static final String BARE = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              os: {name: windows}
              ephemeralContainers:
                - name: debug
                  image: busybox:1
            """;

    @Override
    protected Check check() {
        return new SeccompProfileCheck();
    }

    @Test
    void shouldPointAtTheFieldAnEphemeralContainerLacks() {
        assertThat(findings("t.yaml", BARE, Targets.v1(24))).singleElement().satisfies(f -> {
            assertThat(f.fieldPath()).isEqualTo("spec.ephemeralContainers[0].securityContext.seccompProfile");
            assertThat(f.message()).isEqualTo(
                    "Ephemeral container 'debug' sets no seccompProfile, and the pod does not either");
        });
    }

    @Test
    void shouldExemptWindowsFromVersion125AndNotApplyBefore119() {
        assertThat(findings("t.yaml", BARE, Targets.v1(25))).isEmpty();
        assertThat(findings("t.yaml", BARE.replace("windows", "linux"), Targets.v1(18))).isEmpty();
    }
}
