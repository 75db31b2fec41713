package io.k8sgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.policy.GateStatus;
import io.k8sgate.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The samples the CI front ends and the root Jenkinsfile gate must keep their verdict as checks are added. */
class PipelineSamplesTest {
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({"samples/pipeline/compliant, PASS", "samples/pipeline/privileged, FAIL"})
    void shouldKeepTheVerdictOfEachSampleUnderTheDefaultPolicy(final String sample, final GateStatus expected) {
        GateOutcome outcome = new SecurityGate().run(GateRequest.of(Fixtures.path(sample), List.of(".")));

        assertThat(outcome.status()).as(outcome.decision().reasons().toString()).isEqualTo(expected);
        assertThat(outcome.resources()).hasSize(1);
    }
}
