package io.k8sgate.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.model.ResourceRef;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.model.Suppression;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {
    private static Finding finding(final Severity severity, final String name) {
        CheckMetadata m = CheckMetadata.of("K8S-WL-00" + (severity.ordinal() + 1), "t", severity, Category.WORKLOAD);
        return Finding.of(m, new ResourceRef("Pod", "ns", name), "app", new Location("p.yaml", 3, 1), "spec.x",
                "msg");
    }

    @Test
    void shouldFailOnAFindingAtTheThresholdAndNameIt() {
        Decision d = PolicyEvaluator.decide(List.of(finding(Severity.HIGH, "a"), finding(Severity.LOW, "b")),
                List.of(), Policy.DEFAULT, Set.of());
        assertThat(d.status()).isEqualTo(GateStatus.FAIL);
        assertThat(d.summary()).contains("failOn HIGH").contains("Pod/ns/a").contains("p.yaml:3");
        assertThat(d.counted()).containsEntry(Severity.HIGH, 1).containsEntry(Severity.LOW, 1);
        assertThat(d.blocking()).hasSize(1);
    }

    @Test
    void shouldOnlyWarnForFindingsThatOnlyWarnWhateverTheirSeverity() {
        Finding advisory = finding(Severity.CRITICAL, "a").withProperty(FindingProperties.ENFORCEMENT,
                FindingProperties.ADVISORY);

        Decision withWarnOn = PolicyEvaluator.decide(List.of(advisory), List.of(), Policy.DEFAULT, Set.of());
        Decision noWarnOn = PolicyEvaluator.decide(List.of(advisory), List.of(), Policy.DEFAULT.withThresholds(
                Optional.of(Severity.HIGH), Optional.empty()), Set.of());
        Decision below = PolicyEvaluator.decide(List.of(finding(Severity.LOW, "b").withProperty(
                FindingProperties.ENFORCEMENT, FindingProperties.ADVISORY)), List.of(), Policy.DEFAULT.withThresholds(
                Optional.of(Severity.HIGH), Optional.empty()), Set.of());

        assertThat(withWarnOn.status()).isEqualTo(GateStatus.WARN);
        assertThat(withWarnOn.blocking()).isEmpty();
        assertThat(noWarnOn.status()).isEqualTo(GateStatus.WARN);
        assertThat(noWarnOn.summary()).contains("at or above failOn HIGH that only warn");
        assertThat(below.status()).isEqualTo(GateStatus.PASS);
        // a build log shows them as warnings, never as errors
        assertThat(withWarnOn.effect(advisory)).isEqualTo(Effect.WARNS);
        assertThat(noWarnOn.effect(advisory)).isEqualTo(Effect.WARNS);
        assertThat(noWarnOn.causes()).extracting(Decision.Reason::effect).containsExactly(Effect.WARNS);
    }

    @Test
    void shouldWarnBetweenTheThresholds() {
        Decision d = PolicyEvaluator.decide(List.of(finding(Severity.MEDIUM, "a")), List.of(), Policy.DEFAULT,
                Set.of());
        assertThat(d.status()).isEqualTo(GateStatus.WARN);
        assertThat(d.summary()).contains("warnOn MEDIUM");
    }

    @Test
    void shouldPassBelowTheThresholdsAndWithNoneThresholds() {
        assertThat(PolicyEvaluator.decide(List.of(finding(Severity.LOW, "a")), List.of(), Policy.DEFAULT, Set.of())
                .status()).isEqualTo(GateStatus.PASS);
        Policy never = Policy.DEFAULT.withThresholds(Optional.empty(), Optional.empty());
        assertThat(PolicyEvaluator.decide(List.of(finding(Severity.CRITICAL, "a")), List.of(), never, Set.of())
                .status()).isEqualTo(GateStatus.PASS);
    }

    @Test
    void shouldNotCountSuppressedFindings() {
        Finding suppressed = finding(Severity.CRITICAL, "a").withSuppression(new Suppression("exception", "me",
                "why", Optional.empty(), Location.ofFile("k8s-security.yaml")));
        Decision d = PolicyEvaluator.decide(List.of(suppressed), List.of(), Policy.DEFAULT, Set.of());
        assertThat(d.status()).isEqualTo(GateStatus.PASS);
        assertThat(d.suppressed()).isEqualTo(1);
    }

    @Test
    void shouldFailClosedOnInputErrorsUnlessThePolicySaysOtherwise() {
        List<Diagnostic> errors = List.of(Diagnostic.error("yaml-syntax", new Location("a.yaml", 4, 2), "bad"));
        Decision closed = PolicyEvaluator.decide(List.of(), errors, Policy.DEFAULT, Set.of());
        assertThat(closed.status()).isEqualTo(GateStatus.FAIL);
        assertThat(closed.summary()).contains("a.yaml:4").contains("fails closed");
        Decision open = PolicyEvaluator.decide(List.of(), errors, Policy.DEFAULT.withFailOnInputError(false), Set.of());
        assertThat(open.status()).isEqualTo(GateStatus.WARN);
    }

    @Test
    void shouldCountOnlyNewFindingsWhenAskedTo() {
        Finding old = finding(Severity.CRITICAL, "old");
        Finding fresh = finding(Severity.HIGH, "new");
        Policy newOnly = Policy.DEFAULT.withNewFindingsOnly(true);
        Decision d = PolicyEvaluator.decide(List.of(old, fresh), List.of(), newOnly, Set.of(old.fingerprint()));
        assertThat(d.status()).isEqualTo(GateStatus.FAIL);
        assertThat(d.counted()).containsEntry(Severity.CRITICAL, 0).containsEntry(Severity.HIGH, 1);
        assertThat(d.summary()).contains("1 new finding(s)");
        Decision onlyOld = PolicyEvaluator.decide(List.of(old), List.of(), newOnly, Set.of(old.fingerprint()));
        assertThat(onlyOld.status()).isEqualTo(GateStatus.PASS);
    }

    @Test
    void shouldKeepFingerprintsStableAcrossLineMoves() {
        CheckMetadata m = CheckMetadata.of("K8S-WL-001", "t", Severity.HIGH, Category.WORKLOAD);
        ResourceRef r = new ResourceRef("Pod", "ns", "a");
        Finding here = Finding.of(m, r, "c", new Location("a.yaml", 3, 1), "spec.x", "m");
        Finding moved = Finding.of(m, r, "c", new Location("b.yaml", 90, 7), "spec.x", "other words");
        Finding otherField = Finding.of(m, r, "c", new Location("a.yaml", 3, 1), "spec.y", "m");
        assertThat(moved.fingerprint()).isEqualTo(here.fingerprint());
        assertThat(otherField.fingerprint()).isNotEqualTo(here.fingerprint());
    }

    @Test
    void shouldTellWhatEachFindingDoesToTheBuild() {
        Finding critical = finding(Severity.CRITICAL, "a");
        Finding medium = finding(Severity.MEDIUM, "b");
        Finding low = finding(Severity.LOW, "c");
        Finding suppressed = finding(Severity.CRITICAL, "d").withSuppression(new Suppression("exception", "me",
                "why", Optional.empty(), Location.ofFile("k8s-security.yaml")));

        Decision d = PolicyEvaluator.decide(List.of(critical, medium, low, suppressed), List.of(), Policy.DEFAULT,
                Set.of());

        assertThat(d.effect(critical)).isEqualTo(Effect.FAILS);
        assertThat(d.effect(medium)).isEqualTo(Effect.WARNS);
        assertThat(d.effect(low)).isEqualTo(Effect.NONE);
        assertThat(d.effect(suppressed)).isEqualTo(Effect.NONE);
        assertThat(d.causes()).extracting(Decision.Reason::effect).containsExactly(Effect.FAILS);
    }

    @Test
    void shouldLetAFindingThatIsNotNewChangeNothingWhenOnlyNewFindingsCount() {
        Finding old = finding(Severity.CRITICAL, "old");
        Finding fresh = finding(Severity.MEDIUM, "new");

        Decision d = PolicyEvaluator.decide(List.of(old, fresh), List.of(), Policy.DEFAULT.withNewFindingsOnly(true),
                Set.of(old.fingerprint()));

        assertThat(d.status()).isEqualTo(GateStatus.WARN);
        assertThat(d.effect(old)).isEqualTo(Effect.NONE);
        assertThat(d.effect(fresh)).isEqualTo(Effect.WARNS);
        assertThat(d.causes()).extracting(Decision.Reason::effect).containsExactly(Effect.WARNS);
    }

    @Test
    void shouldTellWhetherInputErrorsFailOrWarn() {
        List<Diagnostic> errors = List.of(Diagnostic.error("yaml-syntax", new Location("a.yaml", 4, 1), "bad"));
        Finding high = finding(Severity.HIGH, "a");

        Decision closed = PolicyEvaluator.decide(List.of(high), errors, Policy.DEFAULT, Set.of());
        Decision open = PolicyEvaluator.decide(List.of(high), errors, Policy.DEFAULT.withFailOnInputError(false),
                Set.of());

        assertThat(closed.causes()).extracting(Decision.Reason::effect).containsExactly(Effect.FAILS, Effect.FAILS);
        assertThat(open.verdict().kind()).isEqualTo(Verdict.Kind.FAIL_ON_FINDINGS);
        assertThat(open.causes()).extracting(Decision.Reason::effect).containsExactly(Effect.FAILS, Effect.WARNS);
        assertThat(open.reasons().get(1)).endsWith("(failOnInputError is false: warning only)");
    }
}
