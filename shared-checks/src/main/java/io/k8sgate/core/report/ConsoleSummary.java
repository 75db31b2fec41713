package io.k8sgate.core.report;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.InputSummary;
import io.k8sgate.core.model.RenderedSource;
import io.k8sgate.core.model.SkippedInput;
import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.stream.Collectors;

/** The plain-text summary every front end prints (the CLI to the console, Maven and Jenkins to their logs). */
public final class ConsoleSummary {
    /** Rendered sources and skipped documents named on the console; the reports list them all. */
    private static final int NAMED = 5;

    private ConsoleSummary() {
    }

    /**
     * The summary: decision and reasons, counts, input errors, then up to {@code maxFindings} counted findings.
     * Values from the inputs are printed neutralised (control characters, including C1 ones such as U+009B, line
     * breaks and direction overrides shown as their code points) so that a manifest cannot forge log lines, move the
     * cursor or reorder what a reader sees, and shortened (the JSON report has them whole).
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
        inputs(o.inputs(), sb);
        for (Diagnostic d : o.diagnostics()) {
            if (d.level() != Diagnostic.Level.INFO) {
                sb.append("  ").append(d.level()).append(' ').append(name(d.location().toString())).append(": ")
                        .append(clean(d.message())).append(" [").append(name(d.code())).append("]\n");
            }
        }
        List<Finding> active = o.findings().stream().filter(f -> !f.isSuppressed()).toList();
        int shown = 0;
        for (Finding f : active) {
            if (shown == maxFindings) {
                sb.append("  ... and ").append(active.size() - shown).append(" more finding(s) in the reports\n");
                break;
            }
            sb.append("  ").append(String.format("%-8s", f.severity())).append(' ').append(name(f.checkId()))
                    .append(' ').append(name(f.resource().display()))
                    .append(f.container().isEmpty() ? "" : " [" + name(f.container()) + "]")
                    .append(f.properties().containsKey(FindingProperties.HELM_HOOK) ? " (Helm hook)" : "")
                    .append(" ").append(name(f.location().toString())).append(": ").append(clean(f.message()))
                    .append('\n');
            shown++;
        }
        return sb.toString();
    }

    /** The rendered sources, one line each, and the documents left out, named up to a few. */
    private static void inputs(final InputSummary inputs, final StringBuilder sb) {
        List<RenderedSource> rendered = inputs.rendered();
        for (int i = 0; i < rendered.size() && i < NAMED; i++) {
            RenderedSource r = rendered.get(i);
            long hooks = r.hooks();
            sb.append("  Rendered ").append(name(r.describe())).append(": ").append(r.objects().size())
                    .append(" object(s)").append(hooks > 0 ? ", " + hooks + " of them Helm hooks" : "").append('\n');
        }
        if (rendered.size() > NAMED) {
            sb.append("  ... and ").append(rendered.size() - NAMED).append(" more rendered source(s) in the reports\n");
        }
        List<SkippedInput> skipped = inputs.skipped();
        if (!skipped.isEmpty()) {
            sb.append("  Skipped ").append(skipped.size()).append(" document(s) that are not Kubernetes objects: ")
                    .append(skipped.stream().limit(NAMED).map(k -> name(k.location().toString()))
                            .collect(Collectors.joining(", ")))
                    .append(skipped.size() > NAMED ? ", ... (all listed in the reports)" : "").append('\n');
        }
    }

    /** A message or reason, which may quote values from the inputs. */
    private static String clean(final String s) {
        return Text.console(s, Text.CONSOLE_MESSAGE_MAX);
    }

    /** A name from the inputs: a resource, a container, a file. */
    private static String name(final String s) {
        return Text.console(s, Text.CONSOLE_MAX);
    }
}
