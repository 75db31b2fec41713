package io.k8sgate.core.check.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.fixtures.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IngressTlsCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new IngressTlsCheck();
    }

    @ParameterizedTest(name = "[{index}] {0} covers {1}: {2}")
    @CsvSource({"a.example.com,a.example.com,true", "*.example.com,a.example.com,true",
        "*.example.com,example.com,false", "*.example.com,a.b.example.com,false", "a.example.com,b.example.com,false"})
    void shouldMatchWildcardsForOneLabelOnly(final String tlsHost, final String host, final boolean covered) {
        assertThat(IngressTlsCheck.covers(tlsHost, host)).isEqualTo(covered);
    }

    @Test
    void shouldNameTheWorkloadsBehindTheBackendServices() {
        assertThat(findings("shop.yaml", Fixtures.read("checks/K8S-NET-004/violating/names-workloads.yaml"),
                CheckSettings.DEFAULT)).singleElement().satisfies(f -> {
                    assertThat(f.message()).isEqualTo("Ingress 'shop' has no TLS section, so it serves its hosts "
                            + "over plain HTTP; it leads to Deployment 'storefront', StatefulSet 'api'");
                    assertThat(f.properties()).containsEntry(FindingProperties.WORKLOADS,
                            "Deployment/shop/storefront, StatefulSet/shop/api");
                });
    }
}
