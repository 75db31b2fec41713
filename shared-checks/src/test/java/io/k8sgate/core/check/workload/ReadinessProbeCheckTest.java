package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;

class ReadinessProbeCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new ReadinessProbeCheck();
    }
}
