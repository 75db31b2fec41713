package io.k8sgate.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.k8sgate.core.model.Severity;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyOverridesTest {
    @Test
    void shouldKeepThePolicyWhenNothingIsOverridden() {
        assertThat(PolicyOverrides.NONE.applyTo(Policy.DEFAULT)).isEqualTo(Policy.DEFAULT);
        assertThat(new PolicyOverrides(Optional.of("  "), Optional.of(""), Optional.empty(), Optional.empty())
                .applyTo(Policy.DEFAULT)).isEqualTo(Policy.DEFAULT);
    }

    @Test
    void shouldOverrideEverySettingGiven() {
        Policy p = new PolicyOverrides(Optional.of("critical"), Optional.of("NONE"), Optional.of(true),
                Optional.of(false)).applyTo(Policy.DEFAULT);

        assertThat(p.failOn()).contains(Severity.CRITICAL);
        assertThat(p.warnOn()).isEmpty();
        assertThat(p.newFindingsOnly()).isTrue();
        assertThat(p.failOnInputError()).isFalse();
    }

    @Test
    void shouldKeepTheOtherThresholdWhenOnlyOneIsGiven() {
        Policy p = new PolicyOverrides(Optional.empty(), Optional.of("low"), Optional.empty(), Optional.empty())
                .applyTo(Policy.DEFAULT);

        assertThat(p.failOn()).isEqualTo(Policy.DEFAULT.failOn());
        assertThat(p.warnOn()).contains(Severity.LOW);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"HIGH, HIGH", "medium, MEDIUM", "' Info ', INFO"})
    void shouldParseSeveritiesCaseInsensitively(final String text, final Severity expected) {
        assertThat(PolicyOverrides.threshold("failOn", text)).contains(expected);
    }

    @Test
    void shouldNameTheParameterWhenThresholdIsUnknown() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> PolicyOverrides.threshold("warnOn", "SEVERE"))
                .withMessageContaining("warnOn").withMessageContaining("'SEVERE' is not a threshold");
    }
}
