package io.k8sgate.core.policy;

import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Decides PASS, WARN or FAIL, and what that means for the build. The only place where the verdict is computed. */
public final class PolicyEvaluator {
    private static final int NAMED_FINDINGS = 5;

    private PolicyEvaluator() {
    }

    /**
     * Decides.
     *
     * @param findings    every finding, suppressions applied
     * @param diagnostics every diagnostic of the run
     * @param policy      the policy
     * @param reference   fingerprints of the reference baseline when only new findings count; empty set otherwise
     */
    public static Decision decide(final List<Finding> findings, final List<Diagnostic> diagnostics,
            final Policy policy, final Set<String> reference) {
        boolean newOnly = policy.newFindingsOnly();
        List<Finding> counted = findings.stream().filter(f -> !f.isSuppressed())
                .filter(f -> !newOnly || !reference.contains(f.fingerprint())).toList();
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        counted.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        int suppressed = (int) findings.stream().filter(Finding::isSuppressed).count();

        List<Decision.Reason> reasons = new ArrayList<>();
        List<Finding> blocking = new ArrayList<>();
        GateStatus status = GateStatus.PASS;
        List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
        String scope = newOnly ? "new " : "";
        boolean failedClosed = false;

        if (policy.failOn().isPresent()) {
            Severity threshold = policy.failOn().get();
            List<Finding> over = counted.stream().filter(f -> f.severity().isAtLeast(threshold))
                    .filter(f -> !FindingProperties.isAdvisory(f)).toList();
            if (!over.isEmpty()) {
                status = GateStatus.FAIL;
                blocking.addAll(over);
                reasons.add(new Decision.Reason(over.size() + " " + scope + "finding(s) at or above failOn "
                        + threshold + ": " + describe(over), Effect.FAILS));
            }
        }
        if (!errors.isEmpty()) {
            String sentence = errors.size() + " input error(s): " + errors.stream().limit(NAMED_FINDINGS)
                    .map(d -> d.location() + " " + d.message()).collect(Collectors.joining("; "))
                    + (errors.size() > NAMED_FINDINGS ? "; ..." : "");
            if (policy.failOnInputError()) {
                status = GateStatus.FAIL;
                failedClosed = true;
                reasons.add(new Decision.Reason(sentence + " (failOnInputError: the gate fails closed)",
                        Effect.FAILS));
            } else {
                status = status == GateStatus.FAIL ? status : GateStatus.WARN;
                reasons.add(new Decision.Reason(sentence + " (failOnInputError is false: warning only)",
                        Effect.WARNS));
            }
        }
        if (status != GateStatus.FAIL && policy.warnOn().isPresent()) {
            Severity threshold = policy.warnOn().get();
            List<Finding> over = counted.stream().filter(f -> f.severity().isAtLeast(threshold)).toList();
            if (!over.isEmpty()) {
                status = GateStatus.WARN;
                reasons.add(new Decision.Reason(over.size() + " " + scope + "finding(s) at or above warnOn "
                        + threshold + ": " + describe(over), Effect.WARNS));
            }
        }
        if (status != GateStatus.FAIL && policy.warnOn().isEmpty() && policy.failOn().isPresent()) {
            // findings that only warn (an admission policy's Warn or Audit) warn where they would otherwise fail
            Severity threshold = policy.failOn().get();
            List<Finding> over = counted.stream().filter(FindingProperties::isAdvisory)
                    .filter(f -> f.severity().isAtLeast(threshold)).toList();
            if (!over.isEmpty()) {
                status = GateStatus.WARN;
                reasons.add(new Decision.Reason(over.size() + " " + scope + "finding(s) at or above failOn "
                        + threshold + " that only warn (ValidatingAdmissionPolicy bindings with validationActions "
                        + "Warn or Audit): " + describe(over), Effect.WARNS));
            }
        }
        Verdict.Kind kind = switch (status) {
            case PASS -> Verdict.Kind.PASS;
            case WARN -> Verdict.Kind.WARN;
            case FAIL -> failedClosed ? Verdict.Kind.FAIL_ON_INPUT : Verdict.Kind.FAIL_ON_FINDINGS;
        };
        List<String> texts = reasons.stream().map(Decision.Reason::text).toList();
        String reason = texts.isEmpty() ? Decision.NO_REASON : texts.get(0);
        Verdict verdict = new Verdict(kind, VerdictText.summary(status, reason, counts, suppressed),
                VerdictText.message(kind, texts, reason, policy, blocking, errors));
        Set<String> blocked = blocking.stream().map(Finding::fingerprint).collect(Collectors.toSet());
        // what makes the build warn: findings at warnOn, and advisory ones at failOn (they warn instead of failing)
        Set<String> warning = counted.stream().filter(f -> policy.warnOn().map(f.severity()::isAtLeast).orElse(false)
                || (FindingProperties.isAdvisory(f) && policy.failOn().map(f.severity()::isAtLeast).orElse(false)))
                .map(Finding::fingerprint).filter(fingerprint -> !blocked.contains(fingerprint))
                .collect(Collectors.toSet());
        return new Decision(verdict, reasons, counts, suppressed, blocking.stream().map(Finding::fingerprint)
                .toList(), warning);
    }

    private static String describe(final List<Finding> over) {
        String named = over.stream().limit(NAMED_FINDINGS)
                .map(f -> f.checkId() + " " + f.resource().display()
                        + (f.container().isEmpty() ? "" : " [" + f.container() + "]") + " (" + f.location() + ")")
                .collect(Collectors.joining(", "));
        return over.size() > NAMED_FINDINGS ? named + " and " + (over.size() - NAMED_FINDINGS) + " more" : named;
    }
}
