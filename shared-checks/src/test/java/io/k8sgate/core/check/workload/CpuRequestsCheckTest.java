package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;

class CpuRequestsCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new CpuRequestsCheck();
    }
}
