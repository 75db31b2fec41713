package io.k8sgate.core.report;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.stream.Collectors;

/** The plain-text summary every front end prints (the CLI to the console, Maven and Jenkins to their logs). */
public final class ConsoleSummary {
    private ConsoleSummary() {
    }

    /**
     * The summary: decision and reasons, counts, input errors, then up to {@code maxFindings} counted findings.
     * Values from the inputs are printed with control characters removed so that a manifest cannot forge log lines.
     */
    public static String render(final GateOutcome o, final int maxFindings) {
        StringBuilder sb = new StringBuilder();
        sb.append("K8s Security Gate ").append(o.toolVersion()).append(": ").append(o.status()).append('\n');
        for (String reason : o.decision().reasons()) {
            sb.append("  - ").append(clean(reason)).append('\n');
        }
        sb.append("  ").append(o.resources().size()).append(" resources in ").append(o.files().size())
                .append(" files, ").append(o.checks().size()).append(" checks; counted: ")
                .append(java.util.Arrays.stream(Severity.values())
                        .map(s -> s + " " + o.decision().counted().getOrDefault(s, 0))
                        .collect(Collectors.joining(", ")))
                .append("; suppressed ").append(o.decision().suppressed()).append('\n');
        o.baseline().ifPresent(b -> sb.append("  Compared with ").append(clean(BaselineView.summary(o, b)))
                .append('\n'));
        for (Diagnostic d : o.diagnostics()) {
            if (d.level() != Diagnostic.Level.INFO) {
                sb.append("  ").append(d.level()).append(' ').append(clean(d.location().toString())).append(": ")
                        .append(clean(d.message())).append(" [").append(d.code()).append("]\n");
            }
        }
        List<Finding> active = o.findings().stream().filter(f -> !f.isSuppressed()).toList();
        int shown = 0;
        for (Finding f : active) {
            if (shown == maxFindings) {
                sb.append("  ... and ").append(active.size() - shown).append(" more finding(s) in the reports\n");
                break;
            }
            sb.append("  ").append(String.format("%-8s", f.severity())).append(' ').append(f.checkId()).append(' ')
                    .append(clean(f.resource().display()))
                    .append(f.container().isEmpty() ? "" : " [" + clean(f.container()) + "]")
                    .append(" ").append(clean(f.location().toString())).append(": ").append(clean(f.message()))
                    .append('\n');
            shown++;
        }
        return sb.toString();
    }

    private static String clean(final String s) {
        return s.replaceAll("[\\p{Cntrl}&&[^\\t]]", " ");
    }
}
