package io.k8sgate.core.check.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import org.junit.jupiter.api.Test;

class SshPortCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new SshPortCheck();
    }

    @Test
    void shouldReportAServicePortOnceWhenPortAndTargetAreBoth22() {
        assertThat(findings("""
                apiVersion: v1
                kind: Service
                metadata: {name: s}
                spec:
                  ports:
                    - {port: 22, targetPort: 22}
                """)).singleElement().satisfies(f -> assertThat(f.fieldPath()).isEqualTo("spec.ports[0].port"));
    }
}
