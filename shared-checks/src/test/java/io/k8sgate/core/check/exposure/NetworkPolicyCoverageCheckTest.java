package io.k8sgate.core.check.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.check.KubernetesVersion;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkPolicyCoverageCheckTest extends AbstractCheckTest {
    private static final String POD = """
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: shop, labels: {app: p}}
            spec:
              containers: [{name: a, image: "a:1"}]
            """;
    private static final String INGRESS_ONLY = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny-ingress, namespace: shop}
            spec:
              podSelector: {}
              policyTypes: [Ingress]
            """ + POD;

    @Override
    protected Check check() {
        return new NetworkPolicyCoverageCheck();
    }

    @Test
    void shouldAcceptIngressIsolationByDefault() {
        assertThat(findings(INGRESS_ONLY)).isEmpty();
    }

    @Test
    void shouldAlsoAskForEgressIsolationWhenConfigured() {
        CheckSettings settings = new CheckSettings(KubernetesVersion.DEFAULT,
                Map.of("K8S-NET-005", Map.of(NetworkPolicyCoverageCheck.REQUIRE_EGRESS, "true")));
        assertThat(findings("p.yaml", INGRESS_ONLY, settings)).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("The pods of Pod 'p' are not isolated for egress: none of the 1 "
                    + "NetworkPolicies of namespace 'shop' selects them for egress");
            assertThat(f.resource().display()).isEqualTo("Pod/shop/p");
        });
    }

    @Test
    void shouldIgnoreNetworkPolicyKindsOfOtherApiGroups() {
        assertThat(findings("""
                apiVersion: crd.projectcalico.org/v1
                kind: NetworkPolicy
                metadata: {name: calico, namespace: shop}
                spec:
                  selector: all()
                """ + POD)).singleElement().satisfies(f -> assertThat(f.message())
                        .isEqualTo("The pods of Pod 'p' are not isolated for ingress: namespace 'shop' has no "
                                + "NetworkPolicy in the inputs"));
    }

    @Test
    void shouldSelectNothingWithAnUnknownOperator() {
        assertThat(findings("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: odd, namespace: shop}
                spec:
                  podSelector:
                    matchExpressions: [{key: app, operator: Matches, values: [p]}]
                """ + POD)).hasSize(1);
    }
}
