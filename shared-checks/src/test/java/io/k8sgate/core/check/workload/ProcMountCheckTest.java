package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckSettings;
import org.junit.jupiter.api.Test;

class ProcMountCheckTest extends AbstractCheckTest {
    private static final String UNMASKED = Targets.UNMASKED_PROC_IN_USER_NAMESPACE;

    @Override
    protected Check check() {
        return new ProcMountCheck();
    }

    @Override
    protected CheckSettings settings() {
        return Targets.v1(35);
    }

    @Test
    void shouldRelaxForUserNamespacesOnlyFromVersion135() {
        assertThat(findings("t.yaml", UNMASKED, Targets.v1(35))).isEmpty();
        assertThat(findings("t.yaml", UNMASKED, Targets.v1(34))).singleElement().satisfies(f -> {
            assertThat(f.fieldPath()).isEqualTo("spec.containers[0].securityContext.procMount");
            assertThat(f.message()).isEqualTo("Container 'runner' sets procMount to 'Unmasked'");
        });
    }
}
