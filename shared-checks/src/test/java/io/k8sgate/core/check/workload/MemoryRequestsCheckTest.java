package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;

class MemoryRequestsCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new MemoryRequestsCheck();
    }
}
