package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiResourcesTest {
    private static K8sObject object(final String yaml) {
        return new K8sObject(new YamlParser(LoaderLimits.DEFAULT).parse("t.yaml", yaml, d -> { }).get(0).root()
                .orElseThrow(), "t.yaml", 1);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            {apiVersion: apps/v1, kind: Deployment, metadata: {name: a}}                 | deployments | default
            {apiVersion: apps/v1, kind: Deployment, metadata: {name: a, namespace: shop}} | deployments | shop
            {apiVersion: v1, kind: Namespace, metadata: {name: shop}}                     | namespaces  | ''
            {apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRole, metadata: {name: r}} | clusterroles | ''
            {apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: n}}  | networkpolicies | default
            {apiVersion: acme.io/v1, kind: Policy, metadata: {name: p}}                   | policies    | default
            {apiVersion: acme.io/v1, kind: Mesh, metadata: {name: m}}                     | meshes      | default
            {apiVersion: acme.io/v1, kind: Box, metadata: {name: b}}                      | boxes       | default
            {apiVersion: acme.io/v1, kind: Gateway, metadata: {name: g}}                  | gateways    | default
            {apiVersion: acme.io/v1, kind: Widget, metadata: {name: w}}                   | widgetz     | ''
            """)
    void shouldMapKindsToResourcesAndNamespaces(final String yaml, final String resource, final String namespace) {
        K8sObject crd = object("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: widgetz.acme.io}
                spec: {group: acme.io, scope: Cluster, names: {kind: Widget, plural: widgetz},
                  versions: [{name: v1}, {name: v2, served: false}]}
                """);
        K8sObject broken = object("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: nothing}
                spec: {group: acme.io}
                """);
        ApiResources resources = ApiResources.of(List.of(crd, broken));
        K8sObject o = object(yaml);

        assertThat(resources.of(o).resource()).isEqualTo(resource);
        assertThat(resources.namespaceOf(o)).isEqualTo(namespace);
        assertThat(resources.find("acme.io", "Widget")).hasValueSatisfying(r -> assertThat(r.versions())
                .containsExactly("v1"));
        assertThat(resources.find("apps", "Deployment")).hasValueSatisfying(r -> assertThat(r.namespaced())
                .isTrue());
    }
}
