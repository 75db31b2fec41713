package io.k8sgate.core.check.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalicoSelectorTest {
    private static final Map<String, String> LABELS = Map.of("app", "cart", "tier", "backend",
            "projectcalico.org/namespace", "shop");

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "'';true",
        "all();true",
        "global();false",
        "app == 'cart';true",
        "app == \"cart\";true",
        "app == 'web';false",
        "app != 'web';true",
        "missing != 'x';true",
        "has(tier);true",
        "!has(tier);false",
        "has(missing);false",
        "tier in {'backend', 'worker'};true",
        "tier in {};false",
        "tier not in {'backend'};false",
        "missing not in {'x'};true",
        "app contains 'ar';true",
        "app starts with 'ca';true",
        "app ends with 'rt';true",
        "app ends with 'ca';false",
        "app == 'cart' && tier == 'frontend';false",
        "app == 'web' || tier == 'backend';true",
        "!(app == 'web' || tier == 'frontend') && projectcalico.org/namespace == 'shop';true",
        "all() && !all();false"
    })
    void shouldEvaluateCalicoExpressions(final String expression, final boolean selected) {
        assertThat(CalicoSelector.parse(expression)).hasValueSatisfying(s -> assertThat(s.test(LABELS))
                .as(expression).isEqualTo(selected));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = ';', value = {"app = 'cart'", "app == cart", "has(app", "app == 'cart' &&",
        "tier in {'a'", "app == 'cart')", "app starts 'c'", "app not 'c'", "app == 'unterminated"})
    void shouldRefuseWhatCalicoRefuses(final String expression) {
        assertThat(CalicoSelector.parse(expression)).isEmpty();
    }
}
