package io.k8sgate.jenkins;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.policy.CiResult;
import io.k8sgate.core.policy.Verdict;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the agent sends back to the controller: the verdict, what it means for the build and the counts, never the
 * findings (those travel as report files).
 *
 * @param status     PASS, WARN or FAIL
 * @param verdict    PASS, WARN, FAIL_ON_FINDINGS or FAIL_ON_INPUT
 * @param result     the build result to record
 * @param abort      whether the step must stop the build
 * @param summary    the one-line summary
 * @param console    the summary for the build log
 * @param counted    counted findings by severity name, most severe first
 * @param suppressed suppressed findings
 * @param findings   every finding, suppressed ones included
 * @param resources  resources checked
 * @param inputErrors input errors
 */
record GateResult(String status, String verdict, CiResult result, boolean abort, String summary, String console,
        LinkedHashMap<String, Integer> counted, int suppressed, int findings, int resources, int inputErrors)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    static GateResult of(final GateOutcome outcome, final Verdict verdict, final boolean continueOnFailure,
            final String console) {
        LinkedHashMap<String, Integer> counted = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            counted.put(s.name(), outcome.decision().counted().getOrDefault(s, 0));
        }
        return new GateResult(verdict.status().name(), verdict.kind().name(), verdict.buildResult(),
                verdict.stopsBuild(continueOnFailure), verdict.summary(), console, counted,
                outcome.decision().suppressed(), outcome.findings().size(), outcome.resources().size(),
                (int) outcome.diagnostics().stream().filter(d -> d.isError()).count());
    }

    /** The step's return value: plain types, so a scripted Pipeline can branch on it. */
    Map<String, Object> toStepValue() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("decision", status);
        value.put("verdict", verdict);
        value.put("result", result.name());
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
