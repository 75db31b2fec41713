package io.k8sgate.core.frontend;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.policy.Verdict;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the agent that ran the Pipeline step ({@code k8sSecurityGate}) sends back to the controller: the engine's
 * verdict and the counts, never the findings (those travel as report files). The controller records it on the build
 * and returns {@link #toStepValue()} to the Pipeline script. Plain Java, so that the default build tests what a
 * scripted Pipeline receives.
 *
 * @param kind       the verdict's kind
 * @param summary    the verdict's one-line summary
 * @param message    the verdict's message for a build that warns or fails
 * @param console    the summary for the build log
 * @param counted    counted findings by severity name, most severe first, every severity present
 * @param suppressed suppressed findings
 * @param findings   every finding, suppressed ones included
 * @param resources  resources checked
 * @param inputErrors input errors
 */
public record StepResult(Verdict.Kind kind, String summary, String message, String console,
        Map<String, Integer> counted, int suppressed, int findings, int resources, int inputErrors)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    public StepResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(console, "console");
        counted = Collections.unmodifiableMap(new LinkedHashMap<>(counted));
    }

    /** The result of a run of the gate. */
    public static StepResult of(final GateReport report) {
        GateOutcome outcome = report.outcome();
        Map<String, Integer> counted = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            counted.put(s.name(), outcome.decision().counted().getOrDefault(s, 0));
        }
        Verdict verdict = report.verdict();
        return new StepResult(verdict.kind(), verdict.summary(), verdict.message(), report.console(), counted,
                outcome.decision().suppressed(), outcome.findings().size(), outcome.resources().size(),
                (int) outcome.diagnostics().stream().filter(d -> d.isError()).count());
    }

    /** The engine's verdict, as the agent decided it. */
    public Verdict verdict() {
        return new Verdict(kind, summary, message);
    }

    /** Every counted finding. */
    public int total() {
        return counted.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The step's return value: plain types only (strings, numbers, maps), so that a scripted Pipeline can branch on
     * it in the script security sandbox, e.g. {@code gate.decision == 'WARN'} or {@code gate.counts.CRITICAL}.
     */
    public Map<String, Object> toStepValue() {
        Verdict verdict = verdict();
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("decision", verdict.status().name());
        value.put("verdict", kind.name());
        value.put("result", verdict.buildResult().name());
        value.put("summary", summary);
        value.put("counts", new LinkedHashMap<>(counted));
        value.put("total", total());
        value.put("suppressed", suppressed);
        value.put("findings", findings);
        value.put("resources", resources);
        value.put("inputErrors", inputErrors);
        return value;
    }
}
