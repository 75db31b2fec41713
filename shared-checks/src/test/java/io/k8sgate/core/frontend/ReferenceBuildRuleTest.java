package io.k8sgate.core.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8sgate.core.policy.ConfigurationException;
import org.junit.jupiter.api.Test;

/** The choice of the reference build: the Warnings plugin's rule, on the results a CI server records. */
class ReferenceBuildRuleTest {
    private static final ReferenceBuildRule UNSTABLE_TOO = ReferenceBuildRule.of("", false);
    private static final ReferenceBuildRule SUCCESS_ONLY = ReferenceBuildRule.of("SUCCESS", false);

    @Test
    void shouldReadTheRequiredResultInAnyCaseAndDefaultToUnstable() {
        assertThat(ReferenceBuildRule.of(null, false)).isEqualTo(new ReferenceBuildRule(false, false));
        assertThat(ReferenceBuildRule.of(" ", true)).isEqualTo(new ReferenceBuildRule(false, true));
        assertThat(ReferenceBuildRule.of(ReferenceBuildRule.DEFAULT_REQUIRED_RESULT, false)).isEqualTo(UNSTABLE_TOO);
        assertThat(ReferenceBuildRule.of(" success ", false)).isEqualTo(SUCCESS_ONLY);
        assertThat(ReferenceBuildRule.of("Unstable", false)).isEqualTo(UNSTABLE_TOO);
    }

    @Test
    void shouldRefuseARequiredResultThatIsNeitherSuccessNorUnstable() {
        assertThatThrownBy(() -> ReferenceBuildRule.of("FAILURE", false)).isInstanceOf(ConfigurationException.class)
                .hasMessage("requiredResult: 'FAILURE' is neither SUCCESS nor UNSTABLE");
    }

    @Test
    void shouldAcceptOnlyCompletedBuildsThatRanTheGateAndKeptTheirReport() {
        assertThat(UNSTABLE_TOO.accepts(true, "SUCCESS", "PASS", true)).isTrue();
        assertThat(UNSTABLE_TOO.accepts(false, "SUCCESS", "PASS", true)).as("still running").isFalse();
        assertThat(UNSTABLE_TOO.accepts(true, null, "PASS", true)).as("no result yet").isFalse();
        assertThat(UNSTABLE_TOO.accepts(true, "SUCCESS", null, true)).as("no gate").isFalse();
        assertThat(UNSTABLE_TOO.accepts(true, "SUCCESS", "PASS", false)).as("report gone").isFalse();
    }

    @Test
    void shouldAcceptUnstableBuildsUnlessOnlySuccessfulOnesAreRequired() {
        assertThat(UNSTABLE_TOO.accepts(true, "UNSTABLE", "PASS", true)).isTrue();
        assertThat(SUCCESS_ONLY.accepts(true, "UNSTABLE", "PASS", true)).isFalse();
        assertThat(SUCCESS_ONLY.accepts(true, "SUCCESS", "PASS", true)).isTrue();
        for (String worse : new String[] {"FAILURE", "ABORTED", "NOT_BUILT"}) {
            assertThat(UNSTABLE_TOO.accepts(true, worse, "PASS", true)).as(worse).isFalse();
        }
    }

    @Test
    void shouldKeepABuildWhoseGateWarnedOrFailedFromBecomingTheReferenceUnlessTheGateIsIgnored() {
        ReferenceBuildRule ignored = ReferenceBuildRule.of("UNSTABLE", true);

        assertThat(UNSTABLE_TOO.accepts(true, "UNSTABLE", "WARN", true)).isFalse();
        assertThat(UNSTABLE_TOO.accepts(true, "SUCCESS", "FAIL", true)).isFalse();
        assertThat(ignored.accepts(true, "UNSTABLE", "WARN", true)).isTrue();
        assertThat(ignored.accepts(true, "SUCCESS", "FAIL", true)).isTrue();
        assertThat(ignored.accepts(true, "FAILURE", "FAIL", true)).as("the result still counts").isFalse();
    }

    @Test
    void shouldSayWhichBuildWouldHaveQualifiedWhenNoneDid() {
        assertThat(SUCCESS_ONLY.noReference()).isEqualTo("no reference build (a completed build with result SUCCESS "
                + "or better whose gate passed and a kept report); every finding is new");
        assertThat(ReferenceBuildRule.of("", true).noReference()).startsWith(
                "no reference build (a completed build with result UNSTABLE or better and a kept report)");
    }
}
