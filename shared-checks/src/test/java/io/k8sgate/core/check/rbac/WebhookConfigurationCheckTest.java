package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;

class WebhookConfigurationCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new WebhookConfigurationCheck();
    }
}
