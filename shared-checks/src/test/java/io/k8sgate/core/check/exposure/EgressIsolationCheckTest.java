package io.k8sgate.core.check.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.check.KubernetesVersion;
import io.k8sgate.core.model.Severity;
import io.k8sgate.fixtures.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EgressIsolationCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new EgressIsolationCheck();
    }

    @Test
    void shouldWarnWithoutFailingByDefault() {
        assertThat(check().metadata().severity()).isEqualTo(Severity.MEDIUM);
        assertThat(check().metadata().enabledByDefault()).isTrue();
    }

    @Test
    void shouldNameEachWorkloadIsolatedForIngressOnly() {
        assertThat(findings("egress.yaml", Fixtures.read("checks/K8S-NET-007/violating/ingress-only.yaml"),
                CheckSettings.DEFAULT)).satisfiesExactly(
                        web -> assertThat(web.message()).isEqualTo("The pods of Deployment 'web' are not isolated "
                                + "for egress: none of the 2 network policies of namespace 'shop' "
                                + "and of the cluster selects them for egress"),
                        api -> assertThat(api.resource().display()).isEqualTo("Deployment/mesh/api"),
                        cart -> assertThat(cart.resource().display()).isEqualTo("Deployment/store/cart"),
                        job -> assertThat(job.resource().display()).isEqualTo("Job/batch/import"));
    }

    @Test
    void shouldCountAPodAPolicySelectsForEgressAsIsolatedByDefaultAsKubernetesDoes() {
        assertThat(findings("egress.yaml", Fixtures.read("checks/K8S-NET-007/compliant/allow-all-egress.yaml"),
                CheckSettings.DEFAULT)).isEmpty();
    }

    @Test
    void shouldNameThePolicyWhoseAllowAllRuleOpensEgressAgainWhenTheOptionIsOn() {
        CheckSettings settings = new CheckSettings(KubernetesVersion.DEFAULT,
                Map.of("K8S-NET-007", Map.of(EgressIsolationCheck.ALLOW_ALL_IS_OPEN, "true")));
        assertThat(findings("egress.yaml", Fixtures.read("checks/K8S-NET-007/compliant/allow-all-egress.yaml"),
                settings)).satisfiesExactly(
                        frontend -> assertThat(frontend.message()).isEqualTo("The pods of Deployment 'frontend' are "
                                + "not isolated for egress: NetworkPolicy 'frontend' selects them and allows every "
                                + "destination on every port, and network policies add up, so whatever the others "
                                + "deny it allows again"),
                        checkout -> assertThat(checkout.message()).contains("NetworkPolicy 'checkout' selects them"),
                        api -> assertThat(api.message()).contains("CiliumNetworkPolicy 'api' selects them"),
                        cart -> assertThat(cart.message()).contains("NetworkPolicy 'cart' selects them"));
    }

    @Test
    void shouldLeavePodsOnTheHostNetworkOut() {
        assertThat(findings("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-ingress, namespace: kube-system}
                spec: {podSelector: {}}
                ---
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: cni, namespace: kube-system}
                spec:
                  selector: {matchLabels: {app: cni}}
                  template:
                    metadata: {labels: {app: cni}}
                    spec:
                      hostNetwork: true
                      containers: [{name: cni, image: "cni:1.0"}]
                """)).isEmpty();
    }
}
