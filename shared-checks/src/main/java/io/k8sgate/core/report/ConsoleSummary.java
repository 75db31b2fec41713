package io.k8sgate.core.report;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.InputSummary;
import io.k8sgate.core.model.RenderedSource;
import io.k8sgate.core.model.SkippedInput;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.policy.Decision;
import io.k8sgate.core.policy.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The plain-text summary every front end prints (the CLI to the console, Maven and Jenkins to their logs). */
public final class ConsoleSummary {
    /** Rendered sources and skipped documents named on the console; the reports list them all. */
    private static final int NAMED = 5;

    private ConsoleSummary() {
    }

    /**
     * One line of the summary and what the part of the decision it shows does to the build, so that a build log can
     * show it at the matching level (only what fails the build as an error).
     *
     * @param effect what the line's subject does to the build: the decision's for the headline, each reason's,
     *               each finding's ({@link Decision#effect}), an input problem's under the policy
     * @param text   the line, without a line break; values from the inputs cannot forge lines
     */
    public record Line(Effect effect, String text) {
        public Line {
            Objects.requireNonNull(effect, "effect");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * The summary: decision and reasons, counts, input errors, then up to {@code maxFindings} counted findings.
     * Values from the inputs are printed neutralised (control characters, including C1 ones such as U+009B, line
     * breaks and direction overrides shown as their code points) so that a manifest cannot forge log lines, move the
     * cursor or reorder what a reader sees, and shortened (the JSON report has them whole).
     */
    public static String render(final GateOutcome o, final int maxFindings) {
        return lines(o, maxFindings).stream().map(l -> l.text() + "\n").collect(Collectors.joining());
    }

    /** The lines of {@link #render}, each with the effect of what it shows. */
    public static List<Line> lines(final GateOutcome o, final int maxFindings) {
        List<Line> lines = new ArrayList<>();
        Decision decision = o.decision();
        lines.add(new Line(Effect.of(o.status()), "K8s Security Gate " + o.toolVersion() + ": " + o.status()));
        for (Decision.Reason reason : decision.causes()) {
            lines.add(new Line(reason.effect(), "  - " + clean(reason.text())));
        }
        lines.add(new Line(Effect.NONE, "  " + o.resources().size() + " resources in " + o.files().size()
                + " files, " + o.checks().size() + " checks; counted: "
                + java.util.Arrays.stream(Severity.values())
                        .map(s -> s + " " + decision.counted().getOrDefault(s, 0))
                        .collect(Collectors.joining(", "))
                + "; suppressed " + decision.suppressed()));
        o.baseline().ifPresent(b -> lines.add(new Line(Effect.NONE, "  Compared with "
                + clean(BaselineView.summary(o, b)))));
        inputs(o.inputs(), lines);
        // an input error fails the build under failOnInputError and warns otherwise; a warning only warns
        Effect inputError = o.policy().failOnInputError() ? Effect.FAILS : Effect.WARNS;
        for (Diagnostic d : o.diagnostics()) {
            if (d.level() != Diagnostic.Level.INFO) {
                lines.add(new Line(d.isError() ? inputError : Effect.WARNS, "  " + d.level() + " "
                        + name(d.location().toString()) + ": " + clean(d.message()) + " [" + name(d.code()) + "]"));
            }
        }
        List<Finding> active = o.findings().stream().filter(f -> !f.isSuppressed()).toList();
        int shown = 0;
        for (Finding f : active) {
            if (shown == maxFindings) {
                lines.add(new Line(Effect.NONE, "  ... and " + (active.size() - shown)
                        + " more finding(s) in the reports"));
                break;
            }
            lines.add(new Line(decision.effect(f), "  " + String.format("%-8s", f.severity()) + " "
                    + name(f.checkId()) + " " + name(f.resource().display())
                    + (f.container().isEmpty() ? "" : " [" + name(f.container()) + "]")
                    + (f.properties().containsKey(FindingProperties.HELM_HOOK) ? " (Helm hook)" : "")
                    + " " + name(f.location().toString()) + ": " + clean(f.message())
                    + (f.properties().containsKey(FindingProperties.ALSO_VIOLATES) ? " (also violates "
                            + name(f.properties().get(FindingProperties.ALSO_VIOLATES)) + ")" : "")));
            shown++;
        }
        return lines;
    }

    /** The rendered sources, one line each, and the documents left out, named up to a few; none changes the verdict. */
    private static void inputs(final InputSummary inputs, final List<Line> lines) {
        List<RenderedSource> rendered = inputs.rendered();
        for (int i = 0; i < rendered.size() && i < NAMED; i++) {
            RenderedSource r = rendered.get(i);
            long hooks = r.hooks();
            lines.add(new Line(Effect.NONE, "  Rendered " + name(r.describe()) + ": " + r.objects().size()
                    + " object(s)" + (hooks > 0 ? ", " + hooks + " of them Helm hooks" : "")));
        }
        if (rendered.size() > NAMED) {
            lines.add(new Line(Effect.NONE, "  ... and " + (rendered.size() - NAMED)
                    + " more rendered source(s) in the reports"));
        }
        List<SkippedInput> skipped = inputs.skipped();
        if (!skipped.isEmpty()) {
            lines.add(new Line(Effect.NONE, "  Skipped " + skipped.size()
                    + " document(s) that are not Kubernetes objects: "
                    + skipped.stream().limit(NAMED).map(k -> name(k.location().toString()))
                            .collect(Collectors.joining(", "))
                    + (skipped.size() > NAMED ? ", ... (all listed in the reports)" : "")));
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
