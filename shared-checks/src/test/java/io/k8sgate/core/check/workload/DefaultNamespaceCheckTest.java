package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.check.KubernetesVersion;
import io.k8sgate.core.model.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultNamespaceCheckTest extends AbstractCheckTest {
    private static final String MIXED = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: binding
            ---
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata:
              name: fast
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: creds
              namespace: shop
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: gates.example.com
            spec:
              group: example.com
              scope: Cluster
              names: {kind: Gate, plural: gates}
            ---
            apiVersion: example.com/v1
            kind: Gate
            metadata:
              name: main
            """;

    @Override
    protected Check check() {
        return new DefaultNamespaceCheck();
    }

    @Test
    void shouldIgnoreMissingNamespacesByDefault() {
        assertThat(findings(MIXED)).isEmpty();
    }

    @Test
    void shouldReportNamespacedObjectsWithoutNamespaceWhenTheOptionIsOn() {
        CheckSettings settings = new CheckSettings(KubernetesVersion.DEFAULT,
                Map.of("K8S-WL-061", Map.of(DefaultNamespaceCheck.INCLUDE_MISSING, "true")));
        List<Finding> found = findings("mixed.yaml", MIXED, settings);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.resource().display()).isEqualTo("ConfigMap/settings");
            assertThat(f.location().line()).isEqualTo(3);
            assertThat(f.fieldPath()).isEqualTo("metadata.namespace");
            assertThat(f.message()).contains("sets no namespace");
        });
    }
}
