package io.k8sgate.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.k8sgate.core.model.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildResultMappingTest {
    @ParameterizedTest(name = "[{index}] {0}, continueOnFailure={1} -> {2}, abort={3}")
    @CsvSource({
        "PASS, false, SUCCESS,  false",
        "PASS, true,  SUCCESS,  false",
        "WARN, false, UNSTABLE, false",
        "WARN, true,  UNSTABLE, false",
        "FAIL, false, FAILURE,  true",
        "FAIL, true,  FAILURE,  false"})
    void shouldMapEveryStatus(final GateStatus status, final boolean continueOnFailure, final CiResult expected,
            final boolean abort) {
        BuildResultMapping mapping = BuildResultMapping.of(decision(status, List.of("why")), continueOnFailure);

        assertThat(mapping.result()).isEqualTo(expected);
        assertThat(mapping.abort()).isEqualTo(abort);
        assertThat(mapping.changesResult()).isEqualTo(status != GateStatus.PASS);
    }

    @Test
    void shouldSummarizeStatusReasonAndCounts() {
        BuildResultMapping mapping = BuildResultMapping.of(
                decision(GateStatus.FAIL, List.of("1 finding(s) at or above failOn HIGH", "second")), false);

        assertThat(mapping.summary()).isEqualTo("K8s Security Gate FAIL: 1 finding(s) at or above failOn HIGH "
                + "(counted: CRITICAL 1, HIGH 0, MEDIUM 2, LOW 0, INFO 0; suppressed 3)");
    }

    @Test
    void shouldUsePlainSentenceWhenPassWithoutReasons() {
        assertThat(BuildResultMapping.of(decision(GateStatus.PASS, List.of()), false).summary())
                .startsWith("K8s Security Gate PASS: No finding reaches a threshold (counted: CRITICAL 1,");
    }

    @Test
    void shouldKeepSummaryOnOneLineWhenReasonHasControlCharacters() {
        BuildResultMapping mapping = BuildResultMapping.of(
                decision(GateStatus.WARN, List.of("bad\nK8s Security Gate PASS: forged")), false);

        assertThat(mapping.summary()).doesNotContain("\n").contains("bad K8s Security Gate PASS: forged");
    }

    @Test
    void shouldRejectMissingResult() {
        assertThatNullPointerException().isThrownBy(() -> new BuildResultMapping(null, false, "s"));
    }

    private static Decision decision(final GateStatus status, final List<String> reasons) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        counts.put(Severity.CRITICAL, 1);
        counts.put(Severity.MEDIUM, 2);
        return new Decision(status, reasons, counts, 3, List.of());
    }
}
