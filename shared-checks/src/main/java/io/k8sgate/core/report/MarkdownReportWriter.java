package io.k8sgate.core.report;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.model.BaselineComparison;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.InputSummary;
import io.k8sgate.core.model.FindingOrder;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.model.Suppression;
import io.k8sgate.core.policy.Policy;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A summary for pull-request comments, the HTML page condensed: the decision and why, counts by severity, the
 * comparison with the baseline, input errors, then the findings that count (most severe first), vulnerabilities by
 * image and of other scans, risky RBAC subjects and suppressions. It never exceeds its limit ({@link #DEFAULT_LIMIT}
 * characters unless told otherwise; GitHub allows {@link #GITHUB_LIMIT} per comment, GitLab {@link #GITLAB_LIMIT}):
 * what does not fit is left out, each section says how many rows it left out, and the summary ends with a pointer to
 * the full report.
 */
public final class MarkdownReportWriter implements ReportWriter {
    /** GitHub's limit for a pull-request comment, in characters. */
    public static final int GITHUB_LIMIT = 65_536;
    /** GitLab's limit for a merge-request note, in characters. */
    public static final int GITLAB_LIMIT = 1_000_000;
    /** The default limit: GitHub's, with room for a header a CI job may add. */
    public static final int DEFAULT_LIMIT = 60_000;
    /** The smallest limit that still holds the decision, the counts and the pointer to the full report. */
    public static final int MIN_LIMIT = 2_000;
    /** Room kept for the closing lines (notes on rows left out and the pointer to the full report). */
    private static final int RESERVE = 1_000;
    private static final String CUT_NOTE = "\n_(cut here to fit the comment)_\n";
    /** The longest pointer to the full report. */
    private static final int MAX_POINTER = 300;

    private final int limit;
    private final String fullReport;

    /** A writer with the default limit that points to the HTML report file. */
    public MarkdownReportWriter() {
        this(DEFAULT_LIMIT, ReportFormat.HTML.fileName());
    }

    /** A writer with the given character limit that points to the HTML report file. */
    public MarkdownReportWriter(final int limit) {
        this(limit, ReportFormat.HTML.fileName());
    }

    /**
     * A writer with the given character limit.
     *
     * @param limit      the most characters the summary may have, at least {@link #MIN_LIMIT}
     * @param fullReport where the full report is: an http(s) URL (shown as a link) or a file name
     */
    public MarkdownReportWriter(final int limit, final String fullReport) {
        if (limit < MIN_LIMIT) {
            throw new IllegalArgumentException("A Markdown summary needs at least " + MIN_LIMIT
                    + " characters, not " + limit);
        }
        if (fullReport.length() > MAX_POINTER) {
            throw new IllegalArgumentException("The pointer to the full report is longer than " + MAX_POINTER
                    + " characters");
        }
        this.limit = limit;
        this.fullReport = Objects.requireNonNull(fullReport, "fullReport");
    }

    @Override
    public void write(final GateOutcome outcome, final OutputStream out) throws IOException {
        out.write(render(outcome).getBytes(StandardCharsets.UTF_8));
    }

    /** The Markdown text, at most the limit in length. */
    public String render(final GateOutcome o) {
        return new Summary(new ReportView(o)).render();
    }

    /** One rendering with its budget. */
    private final class Summary {
        private final ReportView v;
        private final GateOutcome o;
        private final StringBuilder md = new StringBuilder(8192);
        private int omitted;

        Summary(final ReportView view) {
            this.v = view;
            this.o = view.outcome();
        }

        String render() {
            head();
            v.baseline().ifPresent(this::baseline);
            inputErrors();
            inputs();
            findings();
            images();
            artifacts();
            subjects();
            suppressed();
            String tail = closing();
            if (md.length() + tail.length() > limit) {
                // the essentials alone were too long for a small limit: cut at a line break, say so
                omitted = Math.max(omitted, 1);
                tail = closing();
                int cut = md.lastIndexOf("\n", Math.max(0, limit - tail.length() - CUT_NOTE.length() - 1));
                md.setLength(cut + 1);
                md.append(CUT_NOTE);
            }
            return md.append(tail).toString();
        }

        private String closing() {
            return "\n---\n" + (omitted > 0 ? "**This summary is truncated to fit a comment: " + omitted
                    + " row(s) are not shown.** " : "") + "Full report: " + pointer() + " · K8s Security Gate "
                    + Text.md(o.toolVersion()) + ", " + o.generatedAt() + "\n";
        }

        private String pointer() {
            return HtmlReportWriter.isWebLink(fullReport) && !fullReport.contains(")") && !fullReport.contains(" ")
                    ? "[" + Text.md(ReportFormat.HTML.fileName()) + "](" + fullReport + ")"
                    : "`" + fullReport.replace("`", "'").replace("\n", " ") + "`";
        }

        /** Appends the line when it fits in the budget; counts it as omitted otherwise. */
        private boolean fits(final String line) {
            if (md.length() + line.length() + Math.min(RESERVE, limit / 3) > limit) {
                omitted++;
                return false;
            }
            md.append(line);
            return true;
        }

        /**
         * Appends a row per item while they fit, then a note on how many were left out. Rows are made one at a time,
         * so that a run with a million findings makes only the few hundred that fit.
         */
        private <T> void rows(final List<T> items, final Function<T, String> row) {
            int shown = 0;
            for (T item : items) {
                if (!fits(row.apply(item))) {
                    omitted += items.size() - shown - 1;
                    md.append("\n_").append(items.size() - shown).append(" more not shown._\n");
                    return;
                }
                shown++;
            }
        }

        private void head() {
            String icon = switch (o.status()) {
                case PASS -> "✅";
                case WARN -> "⚠️";
                case FAIL -> "❌";
            };
            md.append("## ").append(icon).append(" K8s Security Gate: ").append(o.status()).append("\n\n");
            if (o.decision().reasons().isEmpty()) {
                md.append("No finding reaches a threshold of the policy.\n");
            } else {
                md.append("**Why:**\n\n");
                rows(o.decision().reasons(), r -> "- " + Text.md(r) + "\n");
            }
            Policy p = o.policy();
            md.append("\n_Policy ").append(Text.md(p.source())).append(": fails on ")
                    .append(p.failOn().map(s -> s + " and above").orElse("nothing")).append(", warns on ")
                    .append(p.warnOn().map(s -> s + " and above").orElse("nothing"))
                    .append(p.newFindingsOnly() ? "; only new findings count" : "").append("._\n\n");
            Map<Severity, Integer> counts = v.counts();
            md.append("| |");
            for (Severity s : Severity.values()) {
                md.append(' ').append(s).append(" |");
            }
            md.append("\n|---|---:|---:|---:|---:|---:|\n| Findings |");
            for (Severity s : Severity.values()) {
                md.append(' ').append(counts.get(s)).append(" |");
            }
            md.append('\n');
            if (v.baseline().isPresent()) {
                Map<Severity, Integer> fresh = ReportView.count(v.newFindings());
                md.append("| New since the baseline |");
                for (Severity s : Severity.values()) {
                    md.append(' ').append(fresh.get(s)).append(" |");
                }
                md.append('\n');
            }
            md.append('\n').append(o.resources().size()).append(" resources in ").append(o.files().size())
                    .append(" files · ").append(o.checks().size()).append(" checks · ")
                    .append(v.suppressed().size()).append(" suppressed · ").append(v.inputErrors().size())
                    .append(" input error(s)\n");
        }

        private void baseline(final BaselineComparison b) {
            md.append("\n### Since the baseline\n\nCompared with ").append(Text.md(b.reference())).append(": **")
                    .append(v.newFindings().size()).append(" new**, ").append(v.outstandingCount())
                    .append(" outstanding, ").append(b.fixed().size()).append(" fixed; ").append(b.drift().size())
                    .append(" configuration change(s).\n\n");
            rows(b.fixed(), f -> "- FIXED " + f.severity() + " " + Text.md(f.title()) + " `"
                    + code(f.checkId()) + "` in " + Text.md(f.resource().display()) + "\n");
            rows(b.drift(), c -> "- " + c.kind() + " " + Text.md(c.resource().display())
                    + (c.fieldPath().isEmpty() ? "" : " `" + code(c.fieldPath()) + "`")
                    + (c.before().isEmpty() && c.after().isEmpty() ? "" : ": `" + code(c.before()) + "` → `"
                    + code(c.after()) + "`") + (c.security().isEmpty() ? "" : " **security: "
                    + Text.md(c.security()) + "**") + "\n");
        }

        private void inputErrors() {
            List<Diagnostic> errors = v.inputErrors();
            if (errors.isEmpty()) {
                return;
            }
            md.append("\n### Input errors\n\n");
            rows(errors, d -> "- `" + code(d.location().toString()) + "` " + Text.md(d.message())
                    + " (" + Text.md(d.code()) + ")\n");
        }

        /** What produced the objects, what was left out, what is defined twice. */
        private void inputs() {
            InputSummary in = o.inputs();
            if (in.isEmpty()) {
                return;
            }
            md.append("\n### Inputs\n\n");
            rows(in.rendered(), r -> "- Rendered " + Text.md(r.describe()) + ": "
                    + r.objects().size() + " object(s)" + (r.hooks() > 0 ? ", " + r.hooks() + " Helm hook(s)" : "")
                    + " (`" + code(r.command()) + "`)\n");
            if (!in.skipped().isEmpty()) {
                fits("- Skipped " + in.skipped().size() + " file(s) or document(s) that are not Kubernetes objects:\n");
                rows(in.skipped(), k -> "  - `" + code(k.location().toString()) + "` " + Text.md(k.reason()) + "\n");
            }
            rows(in.duplicates(), d -> "- " + Text.md(d.resource().display()) + " is defined "
                    + d.definitions().size() + " times: " + d.definitions().stream().map(l -> "`" + code(l.toString())
                    + "`").collect(java.util.stream.Collectors.joining(", "))
                    + (d.conflict() ? " (applied together, the last one wins)" : "") + "\n");
        }

        private void findings() {
            List<Finding> list = v.resources().stream().flatMap(g -> g.findings().stream())
                    .sorted(FindingOrder.MOST_SEVERE_FIRST).toList();
            if (list.isEmpty()) {
                md.append("\nNo findings by resource.\n");
                return;
            }
            md.append("\n### Findings\n\n| Severity | Finding | Resource | Where | Fix |\n|---|---|---|---|---|\n");
            rows(list, f -> "| " + severity(f) + " | " + Text.md(f.title()) + " `" + code(f.checkId())
                    + "`<br>" + Text.md(f.message()) + alsoViolates(f) + " | " + Text.md(f.resource().display())
                    + (f.container().isEmpty() ? "" : " \\[" + Text.md(f.container()) + "\\]")
                    + (ReportView.property(f, FindingProperties.HELM_HOOK).isEmpty() ? "" : " (Helm hook)") + " | `"
                    + code(f.location().toString()) + "`<br>`" + code(f.fieldPath()) + "`"
                    + (ReportView.property(f, FindingProperties.RENDERED).isEmpty() ? ""
                            : "<br>rendered: " + Text.md(ReportView.property(f, FindingProperties.RENDERED))) + " | "
                    + Text.md(f.remediation()) + " |\n");
        }

        /** The checks a finding replaced on the same item, which the item violates too. */
        private static String alsoViolates(final Finding f) {
            String ids = ReportView.property(f, FindingProperties.ALSO_VIOLATES);
            return ids.isEmpty() ? "" : "<br>also violates: `" + code(ids) + "`";
        }

        private void images() {
            if (v.images().isEmpty()) {
                return;
            }
            md.append("\n### Vulnerabilities by image\n\n")
                    .append("| Image | CRITICAL | HIGH | MEDIUM | LOW | Fixable | Used by |\n")
                    .append("|---|---:|---:|---:|---:|---:|---|\n");
            rows(v.images(), g -> {
                Map<Severity, Integer> c = g.counts();
                return "| `" + code(g.key()) + "` | " + c.get(Severity.CRITICAL) + " | " + c.get(Severity.HIGH)
                        + " | " + c.get(Severity.MEDIUM) + " | " + c.get(Severity.LOW) + " | " + g.fixable() + " | "
                        + Text.md(String.join(", ", g.union(FindingProperties.WORKLOADS,
                        FindingProperties.SEPARATOR))) + " |\n";
            });
            md.append("\n| Workload | CRITICAL | HIGH | MEDIUM | LOW | Fixable |\n|---|---:|---:|---:|---:|---:|\n");
            rows(v.workloads(), g -> {
                Map<Severity, Integer> c = g.counts();
                return "| " + Text.md(g.key()) + " | " + c.get(Severity.CRITICAL) + " | " + c.get(Severity.HIGH)
                        + " | " + c.get(Severity.MEDIUM) + " | " + c.get(Severity.LOW) + " | " + g.fixable() + " |\n";
            });
            serious(v.images(), "Image", FindingProperties.IMAGE);
        }

        /** Vulnerabilities of scans that are not of a deployed image, by scan, then the serious ones. */
        private void artifacts() {
            if (v.artifacts().isEmpty()) {
                return;
            }
            md.append("\n### Vulnerabilities in other scans\n\n")
                    .append("| Scan | CRITICAL | HIGH | MEDIUM | LOW | INFO | Report |\n")
                    .append("|---|---:|---:|---:|---:|---:|---|\n");
            rows(v.artifacts(), g -> {
                Map<Severity, Integer> c = g.counts();
                return "| `" + code(g.key()) + "` | " + c.get(Severity.CRITICAL) + " | " + c.get(Severity.HIGH)
                        + " | " + c.get(Severity.MEDIUM) + " | " + c.get(Severity.LOW) + " | " + c.get(Severity.INFO)
                        + " | `" + code(String.join(", ", g.files())) + "` |\n";
            });
            serious(v.artifacts(), "Scan", FindingProperties.ARTIFACT);
        }

        /** The HIGH and CRITICAL vulnerabilities of some groups, most severe first. */
        private void serious(final List<ReportView.Group> groups, final String column, final String property) {
            List<Finding> serious = groups.stream().flatMap(g -> g.findings().stream())
                    .filter(f -> f.severity().isAtLeast(Severity.HIGH)).sorted(FindingOrder.MOST_SEVERE_FIRST)
                    .toList();
            if (serious.isEmpty()) {
                return;
            }
            md.append("\n| Severity | Vulnerability | ").append(column)
                    .append(" | Package | Installed | Fixed in |\n|---|---|---|---|---|---|\n");
            rows(serious, f -> {
                String fixed = ReportView.property(f, FindingProperties.FIXED_VERSION);
                return "| " + severity(f) + " | " + Text.md(ReportView.property(f, FindingProperties.VULNERABILITY_ID))
                        + " | `" + code(ReportView.property(f, property)) + "` | "
                        + Text.md(ReportView.property(f, FindingProperties.PACKAGE)) + " | "
                        + Text.md(ReportView.property(f, FindingProperties.INSTALLED_VERSION)) + " | "
                        + (fixed.isBlank() ? "_no fix yet_" : Text.md(fixed)) + " |\n";
            });
        }

        private void subjects() {
            if (v.subjects().isEmpty()) {
                return;
            }
            md.append("\n### Risky RBAC subjects\n\n| Severity | Subject | Finding | Escalation path |\n")
                    .append("|---|---|---|---|\n");
            rows(v.subjects().stream().flatMap(g -> g.findings().stream()).toList(), f -> {
                List<String> steps = ReportView.listProperty(f, FindingProperties.ESCALATION_PATH,
                        FindingProperties.PATH_STEP);
                String granted = ReportView.property(f, FindingProperties.BINDING);
                return "| " + severity(f) + " | " + Text.md(ReportView.property(f, FindingProperties.SUBJECT))
                        + " | " + Text.md(f.title()) + "<br>" + Text.md(f.message()) + " | "
                        + (steps.isEmpty() ? (granted.isEmpty() ? "direct grant" : "via " + Text.md(granted))
                        : String.join(" → ", steps.stream().map(Text::md).toList())) + " |\n";
            });
        }

        private void suppressed() {
            List<Finding> list = v.suppressed();
            if (list.isEmpty()) {
                return;
            }
            md.append("\n<details><summary>").append(list.size()).append(" suppressed finding(s)</summary>\n\n")
                    .append("| Finding | Resource | By | Owner | Reason | Expires |\n|---|---|---|---|---|---|\n");
            rows(list, f -> {
                Suppression s = f.suppression().orElseThrow();
                return "| " + Text.md(f.title()) + " `" + code(f.checkId()) + "` | " + Text.md(f.resource().display())
                        + " | " + Text.md(s.source()) + " | " + (s.owner().isEmpty() ? "—" : Text.md(s.owner()))
                        + " | " + Text.md(s.reason()) + " | " + s.expires().map(Object::toString).orElse("never")
                        + " |\n";
            });
            md.append("\n</details>\n");
        }

        private String severity(final Finding f) {
            return f.severity() + (v.isNew(f) ? " **NEW**" : "");
        }
    }

    /** Text for an inline code span: backticks and line breaks cannot end it, pipes cannot end the table cell. */
    private static String code(final String s) {
        String visible = Text.visible(Text.shorten(s, Text.MD_MAX));
        StringBuilder sb = new StringBuilder(visible.length());
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            switch (c) {
                case '`' -> sb.append('\'');
                case '|' -> sb.append("\\|");
                case '\n', '\r', '\t' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
