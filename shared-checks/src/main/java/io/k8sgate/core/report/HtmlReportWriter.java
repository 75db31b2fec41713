package io.k8sgate.core.report;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.ResourceRef;
import io.k8sgate.core.model.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reviewer's page: static HTML that links one stylesheet, with no script and no inline style, so that it renders
 * under Jenkins' Content-Security-Policy. Every value from the inputs is escaped.
 */
public final class HtmlReportWriter implements ReportWriter {
    @Override
    public void write(final GateOutcome outcome, final OutputStream out) throws IOException {
        out.write(render(outcome).getBytes(StandardCharsets.UTF_8));
    }

    /** The whole page. */
    public String render(final GateOutcome o) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>K8s Security Gate: ").append(o.status()).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(ReportFiles.STYLESHEET).append("\">\n")
                .append("</head>\n<body>\n");
        h.append(fragment(o));
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** The report without the document shell, for embedding in another page (the Jenkins build page). */
    public String fragment(final GateOutcome o) {
        StringBuilder h = new StringBuilder(8192);
        String status = o.status().name().toLowerCase(Locale.ROOT);
        h.append("<main class=\"k8sgate\" id=\"top\">\n");
        h.append("<header class=\"decision decision-").append(status).append("\">\n")
                .append("<h1>K8s Security Gate: <span class=\"status\">").append(o.status()).append("</span></h1>\n");
        if (o.decision().reasons().isEmpty()) {
            h.append("<p>No finding reaches a threshold.</p>\n");
        } else {
            h.append("<ul class=\"reasons\">\n");
            for (String r : o.decision().reasons()) {
                h.append("<li>").append(Text.html(r)).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<p class=\"meta\">Policy ").append(Text.html(o.policy().source())).append(": fail on ")
                .append(o.policy().failOn().map(Enum::name).orElse("NONE")).append(", warn on ")
                .append(o.policy().warnOn().map(Enum::name).orElse("NONE")).append(". ")
                .append(o.resources().size()).append(" resources in ").append(o.files().size()).append(" files, ")
                .append(o.checks().size()).append(" checks. Generated ").append(Text.html(o.generatedAt().toString()))
                .append(" by k8s-security-gate ").append(Text.html(o.toolVersion())).append(".</p>\n</header>\n");

        h.append("<nav class=\"toc\" aria-label=\"Contents\"><h2>Contents</h2><ul>\n")
                .append("<li><a href=\"#summary\">Summary</a></li>\n")
                .append("<li><a href=\"#findings\">Findings by resource</a></li>\n")
                .append("<li><a href=\"#suppressed\">Suppressed findings</a></li>\n")
                .append("<li><a href=\"#diagnostics\">Input diagnostics</a></li>\n")
                .append("</ul></nav>\n");

        summary(o, h);
        findings(o, h);
        RbacReportSection.html(o.findings(), h);
        suppressed(o, h);
        diagnostics(o, h);
        h.append("</main>\n");
        return h.toString();
    }

    private static void summary(final GateOutcome o, final StringBuilder h) {
        h.append("<section id=\"summary\"><h2>Summary</h2>\n<table class=\"counts\">\n")
                .append("<thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Counted findings</th>")
                .append("</tr></thead><tbody>\n");
        for (Severity s : Severity.values()) {
            int n = o.decision().counted().getOrDefault(s, 0);
            String sev = s.name().toLowerCase(Locale.ROOT);
            h.append("<tr><th scope=\"row\"><span class=\"sev sev-").append(sev).append("\">").append(s)
                    .append("</span></th><td>");
            if (n > 0) {
                h.append("<a href=\"#sev-").append(sev).append("\">").append(n).append("</a>");
            } else {
                h.append('0');
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n<p>").append(o.decision().suppressed()).append(" suppressed finding(s); ")
                .append(o.diagnostics().stream().filter(Diagnostic::isError).count())
                .append(" input error(s).</p>\n</section>\n");
    }

    private static void findings(final GateOutcome o, final StringBuilder h) {
        List<Finding> active = o.findings().stream().filter(f -> !f.isSuppressed()).toList();
        h.append("<section id=\"findings\"><h2>Findings by resource</h2>\n");
        if (active.isEmpty()) {
            h.append("<p>No findings.</p>\n");
        }
        Map<ResourceRef, List<Finding>> byResource = new LinkedHashMap<>();
        active.stream().sorted(java.util.Comparator.comparing(Finding::resource).thenComparing(Finding::severity))
                .forEach(f -> byResource.computeIfAbsent(f.resource(), k -> new java.util.ArrayList<>()).add(f));
        for (Severity s : Severity.values()) {
            h.append("<span id=\"sev-").append(s.name().toLowerCase(Locale.ROOT)).append("\"></span>");
        }
        for (var entry : byResource.entrySet()) {
            List<Finding> list = entry.getValue();
            Severity worst = list.stream().map(Finding::severity).min(Enum::compareTo).orElse(Severity.INFO);
            h.append("<details open class=\"resource\"><summary><span class=\"sev sev-")
                    .append(worst.name().toLowerCase(Locale.ROOT)).append("\">").append(worst).append("</span> ")
                    .append(Text.html(entry.getKey().display())).append(" <span class=\"count\">(")
                    .append(list.size()).append(")</span></summary>\n");
            table(list, h, false);
            h.append("</details>\n");
        }
        h.append("</section>\n");
    }

    private static void table(final List<Finding> list, final StringBuilder h, final boolean suppression) {
        h.append("<table class=\"findings\"><thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Check</th>")
                .append("<th scope=\"col\">Where</th><th scope=\"col\">Problem</th><th scope=\"col\">")
                .append(suppression ? "Suppressed by" : "Fix").append("</th></tr></thead><tbody>\n");
        for (Finding f : list) {
            h.append("<tr><td><span class=\"sev sev-").append(f.severity().name().toLowerCase(Locale.ROOT))
                    .append("\">").append(f.severity()).append("</span></td><td><code>").append(Text.html(f.checkId()))
                    .append("</code> ").append(Text.html(f.title())).append("</td><td><code>")
                    .append(Text.html(f.location().toString())).append("</code><br><code class=\"path\">")
                    .append(Text.html(f.fieldPath())).append("</code>");
            if (!f.container().isEmpty()) {
                h.append("<br>container <code>").append(Text.html(f.container())).append("</code>");
            }
            h.append("</td><td>").append(Text.html(f.message()));
            f.properties().forEach((k, v) -> h.append("<br><span class=\"prop\">").append(Text.html(k))
                    .append(":</span> ").append(Text.html(v)));
            h.append("</td><td>");
            if (suppression) {
                f.suppression().ifPresent(s -> h.append(Text.html(s.source())).append(": ")
                        .append(Text.html(s.reason()))
                        .append(s.owner().isEmpty() ? "" : "<br>owner " + Text.html(s.owner()))
                        .append(s.expires().map(d -> "<br>expires " + d).orElse(""))
                        .append("<br><code>").append(Text.html(s.origin().toString())).append("</code>"));
            } else {
                h.append(Text.html(f.remediation()));
                for (String ref : f.references()) {
                    if (ref.startsWith("https://") || ref.startsWith("http://")) {
                        h.append("<br><a href=\"").append(Text.html(ref)).append("\" rel=\"noopener noreferrer\">")
                                .append(Text.html(ref)).append("</a>");
                    }
                }
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void suppressed(final GateOutcome o, final StringBuilder h) {
        List<Finding> list = o.findings().stream().filter(Finding::isSuppressed).toList();
        h.append("<section id=\"suppressed\"><h2>Suppressed findings</h2>\n");
        if (list.isEmpty()) {
            h.append("<p>None.</p>\n");
        } else {
            h.append("<details><summary>").append(list.size()).append(" suppressed finding(s)</summary>\n");
            table(list, h, true);
            h.append("</details>\n");
        }
        h.append("</section>\n");
    }

    private static void diagnostics(final GateOutcome o, final StringBuilder h) {
        h.append("<section id=\"diagnostics\"><h2>Input diagnostics</h2>\n");
        if (o.diagnostics().isEmpty()) {
            h.append("<p>Every input was read.</p>\n");
        } else {
            h.append("<table class=\"diagnostics\"><thead><tr><th scope=\"col\">Level</th><th scope=\"col\">Where")
                    .append("</th><th scope=\"col\">Problem</th></tr></thead><tbody>\n");
            for (Diagnostic d : o.diagnostics()) {
                h.append("<tr><td><span class=\"level level-").append(d.level().name().toLowerCase(Locale.ROOT))
                        .append("\">").append(d.level()).append("</span></td><td><code>")
                        .append(Text.html(d.location().toString())).append("</code></td><td>")
                        .append(Text.html(d.message())).append(" <code>").append(Text.html(d.code()))
                        .append("</code></td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("</section>\n");
    }
}
