package io.k8sgate.core.check.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import org.junit.jupiter.api.Test;

class NodePortServiceCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new NodePortServiceCheck();
    }

    @Test
    void shouldPointAtTheTypeField() {
        assertThat(findings("""
                apiVersion: v1
                kind: Service
                metadata: {name: s}
                spec:
                  ports: [{port: 80}]
                  type: NodePort
                """)).singleElement().satisfies(f -> {
                    assertThat(f.fieldPath()).isEqualTo("spec.type");
                    assertThat(f.location().line()).isEqualTo(6);
                    assertThat(f.category()).hasToString("EXPOSURE");
                });
    }
}
