package io.k8sgate.core.check.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.fixtures.Fixtures;
import io.k8sgate.core.model.FindingProperties;
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

    @Test
    void shouldWarnOnAnOpenFrontendAndFailOnAnOpenDataStoreOrAdministrationPort() {
        assertThat(findings("open.yaml", Fixtures.read("checks/K8S-NET-002/violating/open-load-balancers.yaml"),
                CheckSettings.DEFAULT)).extracting(Finding::severity).containsOnly(Severity.MEDIUM);
        assertThat(findings("stores.yaml", Fixtures.read(
                "checks/K8S-NET-002/violating/declared-public-data-store.yaml"), CheckSettings.DEFAULT))
                .satisfiesExactly(
                        db -> assertThat(db.message()).endsWith("(serves 5432 (PostgreSQL))"),
                        ssh -> assertThat(ssh.message()).endsWith("(serves 22 (SSH))"))
                .extracting(Finding::severity).containsOnly(Severity.HIGH);
    }

    @Test
    void shouldNameTheWorkloadsWhosePodsTheServiceSelects() {
        assertThat(findings("shop.yaml", Fixtures.read("checks/K8S-NET-002/violating/names-workloads.yaml"),
                CheckSettings.DEFAULT)).satisfiesExactly(
                        storefront -> {
                            assertThat(storefront.message()).isEqualTo("LoadBalancer Service 'storefront' sets no "
                                    + "loadBalancerSourceRanges, so any address can connect; it leads to Deployment "
                                    + "'storefront', Rollout 'storefront-canary'");
                            assertThat(storefront.properties()).containsEntry(FindingProperties.WORKLOADS,
                                    "Deployment/shop/storefront, Rollout/shop/storefront-canary");
                        },
                        legacy -> {
                            assertThat(legacy.message()).doesNotContain("leads to");
                            assertThat(legacy.properties()).doesNotContainKey(FindingProperties.WORKLOADS);
                        });
    }
}
