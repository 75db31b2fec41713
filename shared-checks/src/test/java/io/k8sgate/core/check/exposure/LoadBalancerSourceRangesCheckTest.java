package io.k8sgate.core.check.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import org.junit.jupiter.api.Test;

class LoadBalancerSourceRangesCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new LoadBalancerSourceRangesCheck();
    }

    @Test
    void shouldReportOnlyTheOpenRangeOfTheAnnotation() {
        assertThat(findings("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: s
                  annotations:
                    service.beta.kubernetes.io/load-balancer-source-ranges: "0.0.0.0/0,10.0.0.0/8"
                spec:
                  type: LoadBalancer
                """)).singleElement().satisfies(f -> {
                    assertThat(f.message()).contains("allows source range 0.0.0.0/0");
                    assertThat(f.fieldPath()).isEqualTo("metadata.annotations[\"service.beta.kubernetes.io/"
                            + "load-balancer-source-ranges\"]");
                });
    }
}
