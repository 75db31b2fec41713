package io.k8sgate.jenkins;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.frontend.GateReport;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.policy.Verdict;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the agent sends back to the controller: the engine's verdict and the counts, never the findings (those travel
 * as report files).
 *
 * @param kind       the verdict's kind
 * @param summary    the verdict's one-line summary
 * @param message    the verdict's message for a build that warns or fails
 * @param console    the summary for the build log
 * @param counted    counted findings by severity name, most severe first
 * @param suppressed suppressed findings
 * @param findings   every finding, suppressed ones included
 * @param resources  resources checked
 * @param inputErrors input errors
 */
record GateResult(Verdict.Kind kind, String summary, String message, String console,
        LinkedHashMap<String, Integer> counted, int suppressed, int findings, int resources, int inputErrors)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 2L;

    static GateResult of(final GateReport report) {
        GateOutcome outcome = report.outcome();
        LinkedHashMap<String, Integer> counted = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            counted.put(s.name(), outcome.decision().counted().getOrDefault(s, 0));
        }
        Verdict verdict = report.verdict();
        return new GateResult(verdict.kind(), verdict.summary(), verdict.message(), report.console(), counted,
                outcome.decision().suppressed(), outcome.findings().size(), outcome.resources().size(),
                (int) outcome.diagnostics().stream().filter(d -> d.isError()).count());
    }

    /** The engine's verdict, as the agent decided it. */
    Verdict verdict() {
        return new Verdict(kind, summary, message);
    }

    /** The step's return value: plain types, so a scripted Pipeline can branch on it. */
    Map<String, Object> toStepValue() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("decision", verdict().status().name());
        value.put("verdict", kind.name());
        value.put("result", verdict().buildResult().name());
        value.put("summary", summary);
        value.put("counts", new LinkedHashMap<>(counted));
        value.put("total", counted.values().stream().mapToInt(Integer::intValue).sum());
        value.put("suppressed", suppressed);
        value.put("findings", findings);
        value.put("resources", resources);
        value.put("inputErrors", inputErrors);
        return value;
    }
}
