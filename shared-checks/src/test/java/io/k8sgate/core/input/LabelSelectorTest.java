package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelSelectorTest {
    private static final Map<String, String> LABELS = Map.of("app", "web", "tier", "front", "version", "1");

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{}|true",
        "{matchLabels: {app: web}}|true",
        "{matchLabels: {app: web, tier: back}}|false",
        "{matchLabels: {version: 1}}|true",
        "{matchLabels: {missing: x}}|false",
        "{matchExpressions: [{key: tier, operator: In, values: [front, back]}]}|true",
        "{matchExpressions: [{key: zone, operator: In, values: [a]}]}|false",
        "{matchExpressions: [{key: tier, operator: NotIn, values: [front]}]}|false",
        "{matchExpressions: [{key: zone, operator: NotIn, values: [a]}]}|true",
        "{matchExpressions: [{key: app, operator: Exists}]}|true",
        "{matchExpressions: [{key: zone, operator: Exists}]}|false",
        "{matchExpressions: [{key: app, operator: DoesNotExist}]}|false",
        "{matchLabels: {app: web}, matchExpressions: [{key: zone, operator: DoesNotExist}]}|true",
        "{matchExpressions: [{key: app, operator: Gt, values: ['1']}]}|false"})
    void shouldApplySelectorsAsTheApiServerDoes(final String selector, final boolean selected) {
        List<K8sObject> objects = new ManifestLoader().parse("np.yaml", """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: np}
                spec:
                  podSelector: %s
                """.formatted(selector), d -> { });
        assertThat(objects).hasSize(1);
        assertThat(LabelSelector.matches(objects.get(0).root().path("spec", "podSelector"), LABELS))
                .isEqualTo(selected);
    }
}
