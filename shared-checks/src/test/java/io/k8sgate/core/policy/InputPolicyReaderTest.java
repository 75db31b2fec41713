package io.k8sgate.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.input.render.ChartSettings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The policy's inputs section: what the project checks and how its charts and kustomizations are rendered. */
class InputPolicyReaderTest {
    private final PolicyLoader loader = new PolicyLoader(new SecurityGate().checkIds());

    @Test
    void shouldReadTheProjectsInputs() {
        Policy p = loader.parse("k8s-security.yaml", """
                inputs:
                  manifests: k8s/
                  charts:
                    - charts/plain
                    - path: charts/shop
                      release: shop
                      namespace: shop
                      values: [charts/shop/values-prod.yaml, charts/shop/values-eu.yaml]
                      set: image.tag=1.4.2
                  kustomizations: [deploy/overlays/prod]
                  kustomizeCommand: kustomize build --enable-helm
                  nonKubernetesDocuments: error
                """);

        InputPolicy inputs = p.inputs();
        assertThat(inputs.paths()).containsExactly("k8s/", "charts/plain", "charts/shop", "deploy/overlays/prod");
        assertThat(inputs.chartSettings()).containsEntry("charts/plain", ChartSettings.NONE)
                .containsEntry("charts/shop", new ChartSettings(Optional.of("shop"), Optional.of("shop"),
                        List.of("charts/shop/values-prod.yaml", "charts/shop/values-eu.yaml"),
                        List.of("image.tag=1.4.2")));
        assertThat(inputs.kustomizeCommand()).contains("kustomize build --enable-helm");
        assertThat(inputs.nonKubernetesIsError()).isTrue();
    }

    @Test
    void shouldKeepTheDefaultsWithoutTheSection() {
        assertThat(loader.parse("k8s-security.yaml", "failOn: HIGH\n").inputs()).isEqualTo(InputPolicy.DEFAULT);
    }

    @Test
    void shouldNameEveryMistakeWithItsLine() {
        assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> loader.parse("p.yaml", """
                inputs:
                  charts:
                    - path: charts/shop
                      releas: shop
                      set: [image.tag]
                    - values: [v.yaml]
                  nonKubernetesDocuments: ignore
                  kustomizeCommand: ""
                  extra: 1
                """)).satisfies(e -> assertThat(e.getMessage()).contains(
                "p.yaml:4", "Unknown key 'releas' in a chart",
                "p.yaml:5", "a set value is written key=value",
                "p.yaml:6", "a chart needs its path",
                "p.yaml:7", "inputs.nonKubernetesDocuments must be skip or error (got 'ignore')",
                "p.yaml:8", "inputs.kustomizeCommand must be a command",
                "p.yaml:9", "Unknown key 'extra' in inputs"));
    }
}
