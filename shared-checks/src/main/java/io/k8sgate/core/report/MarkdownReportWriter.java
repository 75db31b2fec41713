package io.k8sgate.core.report;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A summary for pull-request comments: decision first, counts, then the findings that count. It stays under
 * {@link #DEFAULT_LIMIT} characters (GitHub allows 65,536 per comment, GitLab 1,000,000), truncating with a pointer
 * to the full report.
 */
public final class MarkdownReportWriter implements ReportWriter {
    /** The default size limit, under GitHub's comment limit with room for a header added by CI. */
    public static final int DEFAULT_LIMIT = 60_000;

    private final int limit;

    /** A writer with the default limit. */
    public MarkdownReportWriter() {
        this(DEFAULT_LIMIT);
    }

    /** A writer with the given character limit. */
    public MarkdownReportWriter(final int limit) {
        this.limit = limit;
    }

    @Override
    public void write(final GateOutcome outcome, final OutputStream out) throws IOException {
        out.write(render(outcome).getBytes(StandardCharsets.UTF_8));
    }

    /** The Markdown text. */
    public String render(final GateOutcome o) {
        StringBuilder head = new StringBuilder();
        String icon = switch (o.status()) {
            case PASS -> "✅";
            case WARN -> "⚠️";
            case FAIL -> "❌";
        };
        head.append("## ").append(icon).append(" K8s Security Gate: ").append(o.status()).append("\n\n");
        for (String reason : o.decision().reasons()) {
            head.append("- ").append(Text.md(reason)).append('\n');
        }
        if (o.decision().reasons().isEmpty()) {
            head.append("No finding reaches a threshold.\n");
        }
        head.append("\n| Severity | Counted |\n|---|---:|\n");
        for (Severity s : Severity.values()) {
            head.append("| ").append(s).append(" | ").append(o.decision().counted().getOrDefault(s, 0))
                    .append(" |\n");
        }
        head.append("\n").append(o.resources().size()).append(" resources in ").append(o.files().size())
                .append(" files, ").append(o.checks().size()).append(" checks; ")
                .append(o.decision().suppressed()).append(" suppressed finding(s).\n\n");
        List<Diagnostic> errors = o.diagnostics().stream().filter(Diagnostic::isError).toList();
        if (!errors.isEmpty()) {
            head.append("### Input errors\n\n");
            for (Diagnostic d : errors) {
                head.append("- `").append(Text.md(d.location().toString()).replace("`", "")).append("` ")
                        .append(Text.md(d.message())).append('\n');
            }
            head.append('\n');
        }
        List<Finding> active = o.findings().stream().filter(f -> !f.isSuppressed()).toList();
        StringBuilder body = new StringBuilder();
        if (!active.isEmpty()) {
            body.append("### Findings\n\n| Severity | Check | Resource | Where | Message |\n|---|---|---|---|---|\n");
        }
        String tail = "\n_Full report: " + ReportFormat.HTML.fileName() + " (and "
                + ReportFormat.JSON.fileName() + ")._\n";
        int shown = 0;
        for (Finding f : active) {
            String row = "| " + f.severity() + " | " + f.checkId() + " " + Text.md(f.title()) + " | "
                    + Text.md(f.resource().display()) + (f.container().isEmpty() ? "" : " \\[" + Text.md(
                    f.container()) + "\\]") + " | " + Text.md(f.location().toString()) + " | "
                    + Text.md(f.message()) + " |\n";
            if (head.length() + body.length() + row.length() + tail.length() + 200 > limit) {
                body.append("\n**").append(active.size() - shown).append(" more finding(s) not shown**: the ")
                        .append("summary is truncated to fit a comment; see the full report.\n");
                break;
            }
            body.append(row);
            shown++;
        }
        String rbac = RbacReportSection.markdown(active);
        if (head.length() + body.length() + rbac.length() + tail.length() + 200 <= limit) {
            body.append(rbac);
        }
        return head.append(body).append(tail).toString();
    }
}
