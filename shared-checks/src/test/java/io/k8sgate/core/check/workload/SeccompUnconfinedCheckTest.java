package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.model.Finding;
import org.junit.jupiter.api.Test;

class SeccompUnconfinedCheckTest extends AbstractCheckTest {
    private static final String ANNOTATED = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              annotations:
                seccomp.security.alpha.kubernetes.io/pod: unconfined
                container.seccomp.security.alpha.kubernetes.io/app: docker/default
                container.seccomp.security.alpha.kubernetes.io/debug: unconfined
            spec:
              securityContext: {seccompProfile: {type: Unconfined}}
              containers: [{name: app, image: "app:1"}, {name: debug, image: "debug:1"}]
            """;

    @Override
    protected Check check() {
        return new SeccompUnconfinedCheck();
    }

    @Test
    void shouldReadTheAnnotationsBeforeVersion119() {
        assertThat(findings("t.yaml", ANNOTATED, Targets.v1(18))).extracting(Finding::fieldPath).containsExactly(
                "metadata.annotations[\"seccomp.security.alpha.kubernetes.io/pod\"]",
                "metadata.annotations[\"container.seccomp.security.alpha.kubernetes.io/debug\"]");
    }

    @Test
    void shouldReadTheFieldsFromVersion119() {
        assertThat(findings("t.yaml", ANNOTATED, Targets.v1(19))).singleElement().satisfies(f -> {
            assertThat(f.fieldPath()).isEqualTo("spec.securityContext.seccompProfile.type");
            assertThat(f.message()).isEqualTo("Pod securityContext: seccompProfile.type is 'Unconfined'");
        });
    }
}
