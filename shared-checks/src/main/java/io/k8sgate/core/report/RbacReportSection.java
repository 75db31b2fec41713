package io.k8sgate.core.report;

import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The RBAC part of the reports, driven only by the findings of category RBAC and their properties: per risky
 * subject what it can do, where and through which binding and role; then the escalation paths step by step.
 */
final class RbacReportSection {
    private static final String SUBJECT = "subject";
    private static final String PATH = "escalationPath";

    private RbacReportSection() {
    }

    /** Active RBAC findings that name a subject, grouped by subject (sorted), most severe first. */
    static Map<String, List<Finding>> bySubject(final List<Finding> findings) {
        Map<String, List<Finding>> out = new TreeMap<>();
        findings.stream().filter(f -> !f.isSuppressed() && f.category() == Category.RBAC)
                .filter(f -> f.properties().containsKey(SUBJECT) && !f.properties().containsKey(PATH))
                .sorted(Comparator.comparing(Finding::severity))
                .forEach(f -> out.computeIfAbsent(f.properties().get(SUBJECT), k -> new ArrayList<>()).add(f));
        return out;
    }

    /** Active findings that carry an escalation path. */
    static List<Finding> paths(final List<Finding> findings) {
        return findings.stream().filter(f -> !f.isSuppressed() && f.properties().containsKey(PATH))
                .sorted(Comparator.comparing(Finding::severity)).toList();
    }

    /** The ordered steps of a path finding ({@code path.1}, {@code path.2}, ...). */
    static List<String> steps(final Finding f) {
        List<String> steps = new ArrayList<>();
        for (int i = 1; f.properties().containsKey("path." + i); i++) {
            steps.add(f.properties().get("path." + i));
        }
        return steps;
    }

    private static String what(final Finding f) {
        String permission = f.properties().getOrDefault("permission", f.title());
        String scope = f.properties().getOrDefault("scope", "");
        return scope.isEmpty() ? permission : permission + " (" + scope + ")";
    }

    private static String via(final Finding f) {
        return f.properties().getOrDefault("binding", "") + " -> " + f.properties().getOrDefault("role", "");
    }

    /** Appends the HTML section; nothing when no RBAC finding names a subject. */
    static void html(final List<Finding> findings, final StringBuilder h) {
        Map<String, List<Finding>> subjects = bySubject(findings);
        List<Finding> paths = paths(findings);
        if (subjects.isEmpty() && paths.isEmpty()) {
            return;
        }
        h.append("<section id=\"rbac\"><h2>RBAC: risky subjects</h2>\n");
        for (var entry : subjects.entrySet()) {
            h.append("<details open class=\"resource\"><summary>").append(Text.html(entry.getKey()))
                    .append(" <span class=\"count\">(").append(entry.getValue().size()).append(")</span></summary>\n")
                    .append("<table class=\"findings\"><thead><tr><th scope=\"col\">Severity</th>")
                    .append("<th scope=\"col\">Can</th><th scope=\"col\">Through</th><th scope=\"col\">Where</th>")
                    .append("</tr></thead><tbody>\n");
            for (Finding f : entry.getValue()) {
                h.append("<tr><td><span class=\"sev sev-").append(f.severity().name().toLowerCase(Locale.ROOT))
                        .append("\">").append(f.severity()).append("</span></td><td>").append(Text.html(what(f)))
                        .append(" <code>").append(Text.html(f.checkId())).append("</code></td><td>")
                        .append(Text.html(via(f))).append("</td><td><code>")
                        .append(Text.html(f.location().toString())).append("</code></td></tr>\n");
            }
            h.append("</tbody></table>\n</details>\n");
        }
        if (!paths.isEmpty()) {
            h.append("<h3>Escalation paths</h3>\n");
            for (Finding f : paths) {
                h.append("<div class=\"rbac-path\"><p><span class=\"sev sev-")
                        .append(f.severity().name().toLowerCase(Locale.ROOT)).append("\">").append(f.severity())
                        .append("</span> ").append(Text.html(f.properties().get(SUBJECT))).append(" can ")
                        .append(Text.html(f.properties().getOrDefault("permission", ""))).append(" <code>")
                        .append(Text.html(f.location().toString())).append("</code></p>\n<ol>\n");
                steps(f).forEach(s -> h.append("<li>").append(Text.html(s)).append("</li>\n"));
                h.append("</ol></div>\n");
            }
        }
        h.append("</section>\n");
    }

    /** The Markdown section; empty when no RBAC finding names a subject. */
    static String markdown(final List<Finding> findings) {
        Map<String, List<Finding>> subjects = bySubject(findings);
        List<Finding> paths = paths(findings);
        if (subjects.isEmpty() && paths.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n### RBAC: risky subjects\n\n| Subject | Severity | Can | Through | "
                + "Where |\n|---|---|---|---|---|\n");
        subjects.forEach((subject, list) -> list.forEach(f -> md.append("| ").append(Text.md(subject))
                .append(" | ").append(f.severity()).append(" | ").append(Text.md(what(f))).append(" | ")
                .append(Text.md(via(f))).append(" | ").append(Text.md(f.location().toString())).append(" |\n")));
        if (!paths.isEmpty()) {
            md.append("\n#### Escalation paths\n\n");
            for (Finding f : paths) {
                md.append("- **").append(f.severity()).append("** ").append(Text.md(f.properties().get(SUBJECT)))
                        .append(" can ").append(Text.md(f.properties().getOrDefault("permission", ""))).append(" (")
                        .append(Text.md(f.location().toString())).append(")\n");
                List<String> steps = steps(f);
                for (int i = 0; i < steps.size(); i++) {
                    md.append("  ").append(i + 1).append(". ").append(Text.md(steps.get(i))).append('\n');
                }
            }
        }
        return md.toString();
    }
}
