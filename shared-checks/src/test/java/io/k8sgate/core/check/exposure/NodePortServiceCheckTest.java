package io.k8sgate.core.check.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.fixtures.Fixtures;
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

    @Test
    void shouldNameTheWorkloadsBehindTheService() {
        assertThat(findings("admin.yaml", Fixtures.read("checks/K8S-NET-001/violating/names-workloads.yaml"),
                CheckSettings.DEFAULT)).singleElement().satisfies(f -> {
                    assertThat(f.message()).isEqualTo("Service 'admin' is of type NodePort and opens its ports on "
                            + "every node; it leads to CronJob 'admin'");
                    assertThat(f.properties()).containsEntry(FindingProperties.WORKLOADS, "CronJob/ops/admin");
                });
    }
}
