package io.k8sgate.core.input.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Chart settings: a front end's win over the policy's field by field, Helm's defaults fill the rest. */
class ChartSettingsTest {
    private static final ChartSettings POLICY = new ChartSettings(Optional.of("shop"), Optional.of("shop"),
            List.of("values-prod.yaml"), List.of("replicas=3"));

    @Test
    void shouldLetSetFieldsWinAndKeepTheOthers() {
        ChartSettings cli = new ChartSettings(Optional.of("canary"), Optional.empty(), List.of(),
                List.of("image.tag=2"));

        ChartSettings merged = cli.over(POLICY);

        assertThat(merged.releaseOrDefault()).isEqualTo("canary");
        assertThat(merged.namespaceOrDefault()).isEqualTo("shop");
        assertThat(merged.valuesFiles()).containsExactly("values-prod.yaml");
        assertThat(merged.setValues()).containsExactly("image.tag=2");
        assertThat(ChartSettings.NONE.over(POLICY)).isEqualTo(POLICY);
        assertThat(ChartSettings.NONE.isEmpty()).isTrue();
        assertThat(POLICY.isEmpty()).isFalse();
    }

    @Test
    void shouldUseHelmsDefaults() {
        ChartSettings blank = new ChartSettings(Optional.of(" "), Optional.of(""), List.of(), List.of());

        assertThat(blank.releaseOrDefault()).isEqualTo(ChartSettings.DEFAULT_RELEASE);
        assertThat(blank.namespaceOrDefault()).isEqualTo(ChartSettings.DEFAULT_NAMESPACE);
        assertThat(ChartSettings.key("db.password=s3cr3t")).isEqualTo("db.password");
        assertThat(ChartSettings.key("flag")).isEqualTo("flag");
    }

    @Test
    void shouldFindThePolicysEntryForAChartHoweverItsPathIsWritten() {
        RenderOptions options = new RenderOptions(ChartSettings.NONE, Map.of("charts/shop", POLICY),
                Optional.empty(), "1.33");

        assertThat(options.settingsFor("./charts/shop/")).isEqualTo(POLICY);
        assertThat(options.settingsFor("charts\\shop")).isEqualTo(POLICY);
        assertThat(options.settingsFor("charts/web")).isEqualTo(ChartSettings.NONE);
        assertThat(RenderOptions.normalise("./")).isEqualTo(".");
    }
}
