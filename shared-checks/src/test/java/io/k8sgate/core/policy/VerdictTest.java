package io.k8sgate.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.model.ResourceRef;
import io.k8sgate.core.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every decision maps to one verdict, and every verdict to one exit code, build result and stop-or-go. */
class VerdictTest {
    private static final Diagnostic BROKEN = Diagnostic.error("yaml-syntax", new Location("k8s/bad.yaml", 7, 3),
            "mapping values are not allowed here");

    private static Finding finding(final Severity severity, final String name) {
        CheckMetadata m = CheckMetadata.of("K8S-WL-00" + (severity.ordinal() + 1), "t", severity, Category.WORKLOAD);
        return Finding.of(m, new ResourceRef("Pod", "shop", name), "app", new Location("k8s/pod.yaml", 12, 5),
                "spec.x", "Container 'app' is risky");
    }

    /** What the inputs hold: findings over failOn, over warnOn only, or none; with or without an input error. */
    enum Inputs {
        CLEAN(List.of(finding(Severity.LOW, "a")), false),
        WARNING(List.of(finding(Severity.MEDIUM, "a")), false),
        FAILING(List.of(finding(Severity.CRITICAL, "a")), false),
        CLEAN_BROKEN(List.of(finding(Severity.LOW, "a")), true),
        WARNING_BROKEN(List.of(finding(Severity.MEDIUM, "a")), true),
        FAILING_BROKEN(List.of(finding(Severity.CRITICAL, "a")), true);

        @SuppressWarnings("ImmutableEnumChecker") // always a List.of(...)
        private final List<Finding> findings;
        private final boolean broken;

        Inputs(final List<Finding> findings, final boolean broken) {
            this.findings = findings;
            this.broken = broken;
        }
    }

    /** What each verdict must mean, written out independently of the implementation. */
    private record Expected(GateStatus status, int exitCode, CiResult buildResult, List<String> words) {
    }

    private static final Map<Verdict.Kind, Expected> EXPECTED = Map.of(
            Verdict.Kind.PASS, new Expected(GateStatus.PASS, 0, CiResult.SUCCESS, List.of("PASS")),
            Verdict.Kind.WARN, new Expected(GateStatus.WARN, 0, CiResult.UNSTABLE, List.of("WARN")),
            Verdict.Kind.FAIL_ON_FINDINGS, new Expected(GateStatus.FAIL, 1, CiResult.FAILURE, List.of(
                    "Top findings:", "CRITICAL K8S-WL-001 Pod/shop/a [app] k8s/pod.yaml:12: Container 'app' is risky")),
            Verdict.Kind.FAIL_ON_INPUT, new Expected(GateStatus.FAIL, 3, CiResult.FAILURE, List.of(
                    "the input could not be used",
                    "k8s/bad.yaml:7: mapping values are not allowed here [yaml-syntax]")));

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Inputs inputs : Inputs.values()) {
            for (boolean failOnInputError : new boolean[] {true, false}) {
                for (boolean continueOnFailure : new boolean[] {false, true}) {
                    Verdict.Kind kind = expected(inputs, failOnInputError);
                    out.add(Arguments.of(inputs, failOnInputError, continueOnFailure, kind));
                }
            }
        }
        return out.stream();
    }

    private static Verdict.Kind expected(final Inputs inputs, final boolean failOnInputError) {
        if (inputs.broken && failOnInputError) {
            return Verdict.Kind.FAIL_ON_INPUT;
        }
        if (inputs == Inputs.FAILING || inputs == Inputs.FAILING_BROKEN) {
            return Verdict.Kind.FAIL_ON_FINDINGS;
        }
        return inputs == Inputs.CLEAN ? Verdict.Kind.PASS : Verdict.Kind.WARN;
    }

    @ParameterizedTest(name = "[{index}] {0}, failOnInputError={1}, continueOnFailure={2} -> {3}")
    @MethodSource("cases")
    void shouldMapEveryDecision(final Inputs inputs, final boolean failOnInputError, final boolean continueOnFailure,
            final Verdict.Kind kind) {
        Policy policy = Policy.DEFAULT.withFailOnInputError(failOnInputError);

        Verdict verdict = PolicyEvaluator.decide(inputs.findings, inputs.broken ? List.of(BROKEN) : List.of(),
                policy, Set.of()).verdict();

        Expected expected = EXPECTED.get(kind);
        assertThat(verdict.kind()).isEqualTo(kind);
        assertThat(verdict.status()).isEqualTo(expected.status());
        assertThat(verdict.exitCode()).isEqualTo(expected.exitCode());
        assertThat(verdict.buildResult()).isEqualTo(expected.buildResult());
        assertThat(verdict.message()).contains(expected.words());
        assertThat(verdict.failed()).isEqualTo(verdict.status() == GateStatus.FAIL);
        assertThat(verdict.stopsBuild(continueOnFailure)).isEqualTo(verdict.failed() && !continueOnFailure);
        assertThat(verdict.summary()).startsWith("K8s Security Gate " + verdict.status() + ": ").doesNotContain("\n");
        assertThat(verdict.message()).startsWith("K8s Security Gate: " + verdict.status());
    }

    @Test
    void shouldKeepTheFourExitCodesApart() {
        assertThat(List.of(Verdict.EXIT_PASS, Verdict.EXIT_FAIL, Verdict.EXIT_USAGE, Verdict.EXIT_INPUT))
                .containsExactly(0, 1, 2, 3);
    }

    @Test
    void shouldNameThresholdsPolicyReasonsAndTheTopFiveBlockingFindings() {
        List<Finding> findings = IntStream.range(0, 7).mapToObj(i -> finding(Severity.HIGH, "p" + i)).toList();

        Verdict verdict = PolicyEvaluator.decide(findings, List.of(), Policy.DEFAULT, Set.of()).verdict();

        assertThat(verdict.message().lines()).first().asString()
                .isEqualTo("K8s Security Gate: FAIL (failOn HIGH, warnOn MEDIUM, policy (defaults))");
        assertThat(verdict.message()).contains("  7 finding(s) at or above failOn HIGH: K8S-WL-002 Pod/shop/p0",
                "HIGH K8S-WL-002 Pod/shop/p4 [app]", "  ... and 2 more").doesNotContain("Pod/shop/p5 [app] k8s");
    }

    @Test
    void shouldSummarizeStatusReasonAndCountsOnOneLine() {
        Verdict verdict = PolicyEvaluator.decide(List.of(finding(Severity.CRITICAL, "a"),
                finding(Severity.MEDIUM, "b"), finding(Severity.MEDIUM, "c")), List.of(), Policy.DEFAULT, Set.of())
                .verdict();

        assertThat(verdict.summary()).isEqualTo("K8s Security Gate FAIL: 1 finding(s) at or above failOn HIGH: "
                + "K8S-WL-001 Pod/shop/a [app] (k8s/pod.yaml:12) (counted: CRITICAL 1, HIGH 0, MEDIUM 2, LOW 0, "
                + "INFO 0; suppressed 0)");
        assertThat(PolicyEvaluator.decide(List.of(), List.of(), Policy.DEFAULT, Set.of()).verdict().summary())
                .startsWith("K8s Security Gate PASS: No finding reaches a threshold (counted: CRITICAL 0,");
    }

    @Test
    void shouldKeepValuesFromTheInputsOnOneLineOfTheMessage() {
        Finding forged = Finding.of(CheckMetadata.of("K8S-WL-001", "t", Severity.CRITICAL, Category.WORKLOAD),
                new ResourceRef("Pod", "shop", "evil\n[INFO] BUILD SUCCESS"), "", new Location("pod.yaml", 9, 1),
                "spec", "bad\r\nK8s Security Gate PASS: forged");

        Verdict verdict = PolicyEvaluator.decide(List.of(forged), List.of(), Policy.DEFAULT, Set.of()).verdict();

        assertThat(verdict.message().lines()).noneMatch(l -> l.startsWith("[INFO]") || l.startsWith("K8s Security "
                + "Gate PASS")).anyMatch(l -> l.contains("Pod/shop/evil [INFO] BUILD SUCCESS pod.yaml:9"));
        assertThat(verdict.summary()).doesNotContain("\n", "\r");
    }

    @Test
    void shouldEndTheMessageWithWhereTheReportIs() {
        Verdict verdict = PolicyEvaluator.decide(List.of(finding(Severity.CRITICAL, "a")), List.of(), Policy.DEFAULT,
                Set.of()).verdict().withReport("Report: /ws/report.html");

        assertThat(verdict.message().lines()).last().asString().isEqualTo("Report: /ws/report.html");
        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.FAIL_ON_FINDINGS);
    }

    @Test
    void shouldRejectAMissingKind() {
        assertThatNullPointerException().isThrownBy(() -> new Verdict(null, "s", "m"));
    }
}
