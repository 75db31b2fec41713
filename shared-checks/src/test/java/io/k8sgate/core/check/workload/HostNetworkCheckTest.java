package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.model.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostNetworkCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new HostNetworkCheck();
    }

    @Test
    void shouldPointAtTheFieldOfThePodTemplate() {
        List<Finding> found = findings("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  template:
                    spec:
                      hostNetwork: true
                      containers: [{name: web, image: "web:1"}]
                """);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.fieldPath()).isEqualTo("spec.template.spec.hostNetwork");
            assertThat(f.container()).isEmpty();
            assertThat(f.location().line()).isEqualTo(7);
            assertThat(f.message()).contains("network namespace").contains("hostNetwork: true");
        });
    }
}
