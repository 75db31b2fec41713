package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckSettings;
import org.junit.jupiter.api.Test;

class RestrictedProcMountCheckTest extends AbstractCheckTest {
    private static final String UNMASKED = Targets.UNMASKED_PROC_IN_USER_NAMESPACE;

    @Override
    protected Check check() {
        return new RestrictedProcMountCheck();
    }

    @Override
    protected CheckSettings settings() {
        return Targets.v1(35);
    }

    @Test
    void shouldApplyFromVersion135Only() {
        assertThat(findings("t.yaml", UNMASKED, Targets.v1(34))).isEmpty();
        assertThat(findings("t.yaml", UNMASKED, Targets.v1(36))).singleElement().satisfies(f -> {
            assertThat(f.fieldPath()).isEqualTo("spec.containers[0].securityContext.procMount");
            assertThat(f.message()).isEqualTo("Container 'runner' sets procMount to 'Unmasked'");
        });
    }
}
