package io.k8sgate.core.check.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.model.Finding;
import io.k8sgate.fixtures.Fixtures;
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

    @Override
    protected Check check() {
        return new NetworkPolicyCoverageCheck();
    }

    @Test
    void shouldAcceptIngressIsolationAndLeaveEgressToItsOwnCheck() {
        assertThat(findings("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-ingress, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress]
                """ + POD)).isEmpty();
    }

    @Test
    void shouldSayOnceThatPodsIsolatedInNeitherDirectionAreOpenBothWays() {
        assertThat(findings(POD)).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("The pods of Pod 'p' are not isolated for ingress or egress: no network policy of the "
                        + "inputs applies to namespace 'shop'"));
    }

    @Test
    void shouldNameOnlyIngressWhenEgressIsIsolated() {
        assertThat(findings("""
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: egress, namespace: shop}
                spec:
                  selector: app == 'p'
                  egress: [{action: Allow, destination: {selector: app == 'db'}}]
                """ + POD)).singleElement().satisfies(f -> assertThat(f.message())
                        .isEqualTo("The pods of Pod 'p' are not isolated for ingress: none of the 1 network "
                                + "policies of namespace 'shop' and of the cluster selects them for ingress"));
    }

    @Test
    void shouldIgnoreCalicoStorageObjectsAndHostEndpointPolicies() {
        // crd.projectcalico.org is Calico's storage, not an API for users; preDNAT and doNotTrack policies apply
        // to host endpoints only
        assertThat(findings("""
                apiVersion: crd.projectcalico.org/v1
                kind: NetworkPolicy
                metadata: {name: calico, namespace: shop}
                spec:
                  selector: all()
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: host}
                spec:
                  selector: all()
                  preDNAT: true
                  applyOnForward: true
                  types: [Ingress]
                """ + POD)).hasSize(1);
    }

    @Test
    void shouldNotCountACalicoPolicyNarrowedByServiceAccountLabels() {
        assertThat(findings("""
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: by-account, namespace: shop}
                spec:
                  selector: all()
                  serviceAccountSelector: role == 'frontend'
                  types: [Ingress]
                """ + POD)).hasSize(1);
    }

    @Test
    void shouldMatchCiliumNamespaceAndServiceAccountLabels() {
        assertThat(findings("""
                apiVersion: cilium.io/v2
                kind: CiliumClusterwideNetworkPolicy
                metadata: {name: by-account}
                spec:
                  endpointSelector:
                    matchLabels:
                      io.cilium.k8s.policy.serviceaccount: default
                      io.cilium.k8s.namespace.labels.team: shop
                  ingress: [{fromEntities: [cluster]}]
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop, labels: {team: shop}}
                """ + POD)).isEmpty();
    }

    @Test
    void shouldReportEveryWorkloadOfTheCniFixtureThatNoPolicyIsolates() {
        assertThat(findings("cni.yaml", Fixtures.read("checks/K8S-NET-005/violating/cni-policies.yaml"),
                CheckSettings.DEFAULT)).extracting(f -> f.resource().display()).containsExactly(
                        "Deployment/mesh/web", "Deployment/mesh/metrics", "Deployment/accounting/ledger",
                        "Deployment/shop/checkout", "Deployment/web/frontend", "Job/batch/import");
        assertThat(findings("cni.yaml", Fixtures.read("checks/K8S-NET-005/violating/cni-policies.yaml"),
                CheckSettings.DEFAULT)).extracting(Finding::message).first().asString()
                .isEqualTo("The pods of Deployment 'web' are not isolated for ingress: none of the 4 network "
                        + "policies of namespace 'mesh' and of the cluster selects them for ingress");
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

    @Test
    void shouldCountAPolicyThatSelectsThePodForEgressAsEgressIsolationAsKubernetesDoes() {
        String input = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: open-egress, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress: [{}]
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: "web:1.0"}]
                """;
        assertThat(new EgressIsolationCheck().evaluate(CheckContext.of(new ManifestLoader().parse("open.yaml",
                input, d -> { }), CheckSettings.DEFAULT))).as("not isolated for ingress: K8S-NET-005's").isEmpty();
        assertThat(findings(input)).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("The pods of Deployment 'web' are not isolated "
                        + "for ingress: none of the 1 network policies of namespace 'shop' and of the cluster "
                        + "selects them for ingress"));
    }
}
