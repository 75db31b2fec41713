package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.model.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadOnlyRootFilesystemCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new ReadOnlyRootFilesystemCheck();
    }

    @Test
    void shouldPointAtTheMissingFieldPathAndNameTheContainer() {
        List<Finding> found = findings("""
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent, namespace: monitoring}
                spec:
                  template:
                    spec:
                      containers:
                        - name: agent
                          image: agent:2.0
                          securityContext:
                            runAsNonRoot: true
                """);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.container()).isEqualTo("agent");
            assertThat(f.fieldPath())
                    .isEqualTo("spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem");
            assertThat(f.location().line()).isEqualTo(10);
            assertThat(f.message()).contains("does not set readOnlyRootFilesystem");
        });
    }

    @Test
    void shouldReportJsonManifestsAtTheLineOfTheField() {
        List<Finding> found = findings("pod.json", """
                {
                  "apiVersion": "v1",
                  "kind": "Pod",
                  "metadata": {"name": "p"},
                  "spec": {
                    "containers": [
                      {"name": "app", "image": "app:1.0",
                       "securityContext": {"readOnlyRootFilesystem": false}}
                    ]
                  }
                }
                """, CheckSettings.DEFAULT);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.location().file()).isEqualTo("pod.json");
            assertThat(f.location().line()).isEqualTo(8);
            assertThat(f.message()).contains("sets readOnlyRootFilesystem to false");
        });
    }
}
