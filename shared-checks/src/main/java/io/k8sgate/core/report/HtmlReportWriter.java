package io.k8sgate.core.report;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.model.BaselineComparison;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.DuplicateObject;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.InputSummary;
import io.k8sgate.core.model.RenderedObject;
import io.k8sgate.core.model.RenderedSource;
import io.k8sgate.core.model.SkippedInput;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.model.Suppression;
import io.k8sgate.core.policy.GateStatus;
import io.k8sgate.core.policy.Policy;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The reviewer's page: static HTML that links one stylesheet, with no script, no inline style and no event handler,
 * so that it renders under Jenkins' Content-Security-Policy for served files ({@code default-src 'none'}). Every
 * value from the inputs is escaped.
 *
 * <p>The page reads top down: the decision and why, counts by severity (each a link that filters the findings
 * through {@code :target}), what changed since the baseline, then the findings grouped by resource, vulnerabilities
 * grouped by image, vulnerabilities of other scans, risky RBAC subjects, suppressed findings and input diagnostics.
 * Every id starts with {@code k8sgate-} and every style rule is scoped under {@code .k8sgate}, so {@link #fragment} can
 * be embedded in another page.
 *
 * <p>The page stays readable and bounded whatever the run found: it lists the {@link #MAX_ROWS} most severe findings
 * (and at most as many rows of every other table), says what it leaves out, and points to the JSON report, which has
 * everything; the counts at the top are always complete.
 */
public final class HtmlReportWriter implements ReportWriter {
    /** Resource, image and subject groups shown expanded; the rest start collapsed so that large reports stay short. */
    static final int OPEN_GROUPS = 20;
    /** Findings named in the decision banner and in the list of new findings. */
    static final int NAMED_FINDINGS = 5;
    /** The most findings the page lists; the most severe are listed, the JSON report has them all. */
    static final int MAX_ROWS = 5_000;
    /** The most rows of any other table (workloads, suppressed findings, diagnostics, drift). */
    static final int MAX_TABLE_ROWS = 2_000;
    private static final String PREFIX = "k8sgate-";

    @Override
    public void write(final GateOutcome outcome, final OutputStream out) throws IOException {
        out.write(render(outcome).getBytes(StandardCharsets.UTF_8));
    }

    /** The whole page. */
    public String render(final GateOutcome o) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<title>").append(o.status()).append(" · K8s Security Gate report</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(ReportFiles.STYLESHEET).append("\">\n")
                .append("</head>\n<body class=\"k8sgate-page\">\n<main>\n");
        h.append(fragment(o));
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    /**
     * The report without the document shell, for embedding in another page (the Jenkins build page), which must link
     * {@link ReportFiles#STYLESHEET}. Ids are prefixed with {@code k8sgate-}.
     */
    public String fragment(final GateOutcome o) {
        return new Page(new ReportView(o)).render();
    }

    /** One rendering: the view, the output, the findings listed and the anchors given to them. */
    private static final class Page {
        private final ReportView v;
        private final GateOutcome o;
        private final StringBuilder h = new StringBuilder(16_384);
        /** The findings listed, most severe first; by identity, as a run may hold a million findings. */
        private final IdentityHashMap<Finding, String> anchors = new IdentityHashMap<>();
        private final Set<String> ids = new TreeSet<>();

        Page(final ReportView view) {
            this.v = view;
            this.o = view.outcome();
            for (Finding f : view.active().subList(0, Math.min(view.active().size(), MAX_ROWS))) {
                anchors.put(f, unique("f-" + f.fingerprint().substring(0, Math.min(12, f.fingerprint().length()))));
            }
        }

        private boolean listed(final Finding f) {
            return anchors.containsKey(f);
        }

        private boolean truncated() {
            return v.active().size() > MAX_ROWS;
        }

        /** The link to a finding's row, or to the note on what the page leaves out. */
        private String link(final Finding f) {
            String anchor = anchors.get(f);
            return anchor != null ? anchor : "k8sgate-truncated";
        }

        private String unique(final String base) {
            String id = PREFIX + Text.anchor(base);
            int n = 2;
            while (!ids.add(id)) {
                id = PREFIX + Text.anchor(base) + "-" + n++;
            }
            return id;
        }

        String render() {
            h.append("<div class=\"k8sgate\" id=\"k8sgate-top\">\n");
            decision();
            toc();
            glance();
            v.baseline().ifPresent(this::baseline);
            h.append("<div class=\"results\">\n");
            filters();
            resources();
            if (!v.images().isEmpty()) {
                images();
            }
            if (!v.artifacts().isEmpty()) {
                artifacts();
            }
            if (!v.subjects().isEmpty()) {
                subjects();
            }
            h.append("</div>\n");
            suppressed();
            diagnostics();
            if (!o.inputs().isEmpty()) {
                inputs();
            }
            h.append("<footer class=\"colophon\"><p>Generated ")
                    .append(o.generatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                    .append(" by K8s Security Gate ").append(e(o.toolVersion())).append(" · <a href=\"#k8sgate-top\">")
                    .append("Back to top</a></p></footer>\n");
            h.append("</div>\n");
            return h.toString();
        }

        private void decision() {
            String status = lower(o.status());
            h.append("<header class=\"decision decision-").append(status)
                    .append("\" id=\"k8sgate-decision\" aria-labelledby=\"k8sgate-decision-title\">\n")
                    .append("<p class=\"eyebrow\">K8s Security Gate</p>\n")
                    .append("<h1 id=\"k8sgate-decision-title\"><span class=\"verdict\">").append(o.status())
                    .append("</span> <span class=\"verdict-text\">").append(verdictText(o.status()))
                    .append("</span></h1>\n");
            if (o.decision().reasons().isEmpty()) {
                h.append("<p class=\"why\">No finding reaches a threshold of the policy.</p>\n");
            } else {
                boolean listed = !v.decisive().isEmpty();
                h.append("<p class=\"why-label\">Why:</p>\n<ul class=\"reasons\">\n");
                o.decision().reasons().forEach(r -> h.append("<li>").append(e(listed ? headline(r) : r))
                        .append("</li>\n"));
                h.append("</ul>\n");
            }
            List<Finding> decisive = v.decisive();
            if (!decisive.isEmpty()) {
                h.append("<p class=\"why-label\">").append(o.status() == GateStatus.FAIL ? "Blocking" : "Warning")
                        .append(" findings (").append(decisive.size()).append("):</p>\n<ol class=\"decisive\">\n");
                decisive.stream().limit(NAMED_FINDINGS).forEach(this::namedFinding);
                if (decisive.size() > NAMED_FINDINGS) {
                    h.append("<li class=\"more\">and ").append(decisive.size() - NAMED_FINDINGS)
                            .append(" more below</li>\n");
                }
                h.append("</ol>\n");
            }
            if (!v.inputErrors().isEmpty()) {
                h.append("<p class=\"why-label\"><a href=\"#k8sgate-diagnostics\">").append(v.inputErrors().size())
                        .append(" input error(s)</a> could not be checked.</p>\n");
            }
            if (truncated()) {
                h.append("<p class=\"why-label\" id=\"k8sgate-truncated\">This page lists the ")
                        .append(String.format(Locale.ROOT, "%,d most severe of the %,d findings", MAX_ROWS,
                                v.active().size())).append("; the JSON report (<code>")
                        .append(ReportFormat.JSON.fileName()).append("</code>) has them all.</p>\n");
            }
            h.append("<p class=\"policy\">").append(policyText(o.policy())).append("</p>\n</header>\n");
        }

        /** One line naming a finding, linked to its row: what, where, which file. */
        private void namedFinding(final Finding f) {
            String what = f.title();
            String where = f.resource().display();
            if (ReportView.isVulnerability(f)) {
                String id = ReportView.property(f, FindingProperties.VULNERABILITY_ID);
                String pkg = ReportView.property(f, FindingProperties.PACKAGE);
                what = (id.isEmpty() ? f.title() : id) + (pkg.isEmpty() ? "" : " in " + pkg);
                where = ReportView.property(f, FindingProperties.IMAGE);
            } else if (ReportView.isRbacSubject(f)) {
                where = ReportView.property(f, FindingProperties.SUBJECT);
            }
            h.append("<li>").append(badge(f.severity())).append(" <a href=\"#").append(link(f)).append("\">")
                    .append(e(what)).append("</a> · <span class=\"res\">").append(e(where)).append("</span>")
                    .append(f.container().isEmpty() ? "" : " container <code>" + e(f.container()) + "</code>")
                    .append(" · <code class=\"loc\">").append(e(f.location().toString())).append("</code></li>\n");
        }

        private void toc() {
            h.append("<nav class=\"toc\" aria-label=\"Report contents\">\n<ul>\n");
            tocEntry("summary", "At a glance", -1);
            v.baseline().ifPresent(b -> tocEntry("baseline", "Since the baseline", v.newFindings().size()));
            tocEntry("findings", "Findings by resource", v.resources().stream().mapToInt(g -> g.findings().size())
                    .sum());
            if (!v.images().isEmpty()) {
                tocEntry("images", "Vulnerabilities by image", v.images().stream()
                        .mapToInt(g -> g.findings().size()).sum());
            }
            if (!v.artifacts().isEmpty()) {
                tocEntry("artifacts", "Vulnerabilities in other scans", v.artifacts().stream()
                        .mapToInt(g -> g.findings().size()).sum());
            }
            if (!v.subjects().isEmpty()) {
                tocEntry("rbac", "Risky RBAC subjects", v.subjects().size());
            }
            tocEntry("suppressed", "Suppressed", v.suppressed().size());
            tocEntry("diagnostics", "Input diagnostics", o.diagnostics().size());
            if (!o.inputs().isEmpty()) {
                tocEntry("inputs", "Rendered and skipped inputs", o.inputs().rendered().size()
                        + o.inputs().skipped().size() + o.inputs().duplicates().size());
            }
            h.append("</ul>\n</nav>\n");
        }

        private void tocEntry(final String id, final String label, final int count) {
            h.append("<li><a href=\"#k8sgate-").append(id).append("\">").append(label);
            if (count >= 0) {
                h.append(" <span class=\"n\">").append(count).append("</span>");
            }
            h.append("</a></li>\n");
        }

        private void glance() {
            h.append("<section class=\"glance\" id=\"k8sgate-summary\" aria-labelledby=\"k8sgate-summary-title\">\n")
                    .append("<h2 id=\"k8sgate-summary-title\">At a glance</h2>\n");
            Map<Severity, Integer> counts = v.counts();
            Map<Severity, Integer> fresh = ReportView.count(v.newFindings());
            h.append("<ul class=\"tiles\" aria-label=\"Findings by severity\">\n");
            for (Severity s : Severity.values()) {
                int n = counts.getOrDefault(s, 0);
                h.append("<li class=\"tile tile-").append(lower(s)).append(n == 0 ? " tile-zero" : "").append("\">");
                h.append(n > 0 ? "<a href=\"#k8sgate-only-" + lower(s) + "\">" : "<span class=\"tile-body\">");
                h.append("<span class=\"tile-count\">").append(n).append("</span> <span class=\"tile-label\">")
                        .append(s).append("</span>");
                if (o.policy().failOn().map(s::isAtLeast).orElse(false)) {
                    h.append(" <span class=\"tile-note\">fails the gate</span>");
                } else if (o.policy().warnOn().map(s::isAtLeast).orElse(false)) {
                    h.append(" <span class=\"tile-note\">warns</span>");
                }
                if (v.baseline().isPresent()) {
                    h.append(" <span class=\"tile-note\">").append(fresh.get(s)).append(" new</span>");
                }
                h.append(n > 0 ? "</a>" : "</span>").append("</li>\n");
            }
            h.append("</ul>\n<p class=\"facts\">").append(plural(o.resources().size(), "resource")).append(" in ")
                    .append(plural(o.files().size(), "file")).append(" · ").append(plural(o.checks().size(), "check"))
                    .append(" · ").append(plural(v.active().size(), "finding"))
                    .append(" · <a href=\"#k8sgate-suppressed\">").append(v.suppressed().size())
                    .append(" suppressed</a> · <a href=\"#k8sgate-diagnostics\">")
                    .append(plural(v.inputErrors().size(), "input error")).append("</a>");
            v.baseline().ifPresent(b -> h.append(" · <a href=\"#k8sgate-baseline\">").append(v.newFindings().size())
                    .append(" new, ").append(v.outstandingCount()).append(" outstanding, ").append(b.fixed().size())
                    .append(" fixed</a> since the baseline"));
            h.append("</p>\n</section>\n");
        }

        private void baseline(final BaselineComparison b) {
            h.append("<section id=\"k8sgate-baseline\" aria-labelledby=\"k8sgate-baseline-title\">\n")
                    .append("<h2 id=\"k8sgate-baseline-title\">Since the baseline</h2>\n<p>Compared with <strong>")
                    .append(e(b.reference())).append("</strong>:</p>\n<ul class=\"tiles tiles-baseline\">")
                    .append("<li class=\"tile tile-new\"><span class=\"tile-body\"><span class=\"tile-count\">")
                    .append(v.newFindings().size()).append("</span> <span class=\"tile-label\">new</span></span></li>")
                    .append("<li class=\"tile tile-outstanding\"><span class=\"tile-body\"><span class=\"tile-count\">")
                    .append(v.outstandingCount())
                    .append("</span> <span class=\"tile-label\">outstanding</span></span></li>")
                    .append("<li class=\"tile tile-fixed\"><span class=\"tile-body\"><span class=\"tile-count\">")
                    .append(b.fixed().size()).append("</span> <span class=\"tile-label\">fixed</span></span></li>")
                    .append("<li class=\"tile tile-drift\"><span class=\"tile-body\"><span class=\"tile-count\">")
                    .append(b.drift().size()).append("</span> <span class=\"tile-label\">changes</span></span></li>")
                    .append("</ul>\n");
            List<Finding> fresh = v.newFindings();
            h.append("<h3>New findings</h3>\n");
            if (fresh.isEmpty()) {
                h.append("<p>None: every finding was already in the baseline.</p>\n");
            } else {
                h.append("<ol class=\"decisive\">\n");
                fresh.stream().limit(NAMED_FINDINGS).forEach(this::namedFinding);
                if (fresh.size() > NAMED_FINDINGS) {
                    h.append("<li class=\"more\">and ").append(fresh.size() - NAMED_FINDINGS)
                            .append(" more, marked NEW below</li>\n");
                }
                h.append("</ol>\n");
            }
            h.append("<h3>Fixed findings</h3>\n");
            if (b.fixed().isEmpty()) {
                h.append("<p>None.</p>\n");
            } else {
                h.append("<details").append(openWhenShort(b.fixed().size())).append("><summary>")
                        .append(b.fixed().size()).append(" finding(s) of the baseline are ")
                        .append("gone</summary>\n");
                tableStart("plain", "Severity", "Finding", "Resource", "Field");
                for (Finding f : b.fixed().subList(0, Math.min(b.fixed().size(), MAX_TABLE_ROWS))) {
                    h.append("<tr><td>").append(badge(f.severity())).append(" <span class=\"badge badge-fixed\">")
                            .append("FIXED</span></td><th scope=\"row\">").append(e(f.title())).append(" <code>")
                            .append(e(f.checkId())).append("</code></th><td>").append(e(f.resource().display()))
                            .append("</td><td><code class=\"path\">").append(e(f.fieldPath()))
                            .append("</code></td></tr>\n");
                }
                h.append("</tbody></table>\n");
                moreRows(b.fixed().size(), "fixed finding");
                h.append("</details>\n");
            }
            h.append("<h3>Drift</h3>\n");
            if (b.drift().isEmpty()) {
                h.append("<p>The configuration is unchanged.</p>\n");
            } else {
                h.append("<details").append(openWhenShort(b.drift().size())).append("><summary>")
                        .append(b.drift().size()).append(" change(s) to the configuration")
                        .append("</summary>\n");
                tableStart("plain drift", "Change", "Resource", "Field", "Before", "After");
                for (BaselineComparison.Change c : b.drift().subList(0, Math.min(b.drift().size(),
                        MAX_TABLE_ROWS))) {
                    h.append("<tr><td><span class=\"change change-").append(lower(c.kind())).append("\">")
                            .append(c.kind()).append("</span></td><th scope=\"row\">")
                            .append(e(c.resource().display())).append("</th><td><code class=\"path\">")
                            .append(e(c.fieldPath())).append("</code>")
                            .append(c.security().isEmpty() ? "" : " <span class=\"badge badge-security\">security: "
                                    + e(c.security()) + "</span>")
                            .append("</td><td><code>").append(e(c.before()))
                            .append("</code></td><td><code>").append(e(c.after())).append("</code></td></tr>\n");
                }
                h.append("</tbody></table>\n");
                moreRows(b.drift().size(), "change");
                h.append("</details>\n");
            }
            h.append("</section>\n");
        }

        private void filters() {
            Map<Severity, Integer> counts = v.counts();
            h.append("<nav class=\"filters\" aria-label=\"Filter findings by severity\">\n<span>Show:</span> ")
                    .append("<a href=\"#k8sgate-findings\">all <span class=\"n\">").append(v.active().size())
                    .append("</span></a>");
            for (Severity s : Severity.values()) {
                int n = counts.getOrDefault(s, 0);
                if (n > 0) {
                    h.append(" <a class=\"filter-").append(lower(s)).append("\" href=\"#k8sgate-only-")
                            .append(lower(s)).append("\">").append(s).append(" only <span class=\"n\">").append(n)
                            .append("</span></a>");
                }
            }
            h.append("\n</nav>\n");
            for (Severity s : Severity.values()) {
                h.append("<p class=\"filter-state\" id=\"k8sgate-only-").append(lower(s)).append("\">Showing only ")
                        .append(s).append(" findings (").append(counts.get(s)).append(" of ")
                        .append(v.active().size()).append("). <a href=\"#k8sgate-findings\">Show all</a></p>\n");
            }
        }

        private void resources() {
            h.append("<section id=\"k8sgate-findings\" aria-labelledby=\"k8sgate-findings-title\">\n")
                    .append("<h2 id=\"k8sgate-findings-title\">Findings by resource</h2>\n");
            if (v.resources().isEmpty()) {
                h.append("<p class=\"empty\">No findings: every checked resource passes the enabled checks.</p>\n");
            }
            int index = 0;
            for (ReportView.Group g : v.resources()) {
                List<Finding> rows = listedOf(g);
                if (rows.isEmpty()) {
                    continue;
                }
                Finding first = g.findings().get(0);
                groupStart(g, index++, "r", "<span class=\"kind\">" + e(first.resource().kind()) + "</span> "
                        + "<span class=\"res\">" + e(nameOf(first)) + "</span>"
                        + " <span class=\"group-meta\">" + e(String.join(", ", g.files())) + "</span>");
                tableStart("findings", "Severity", "Finding", "Where", "How to fix");
                for (Finding f : rows) {
                    rowStart(f);
                    h.append("<th scope=\"row\">").append(e(f.title())).append(" <code class=\"check\">")
                            .append(e(f.checkId())).append("</code><p class=\"msg\">").append(e(f.message()))
                            .append("</p>");
                    properties(f, Set.of());
                    h.append("</th><td>");
                    where(f);
                    h.append("</td><td>");
                    fix(f);
                    h.append("</td></tr>\n");
                }
                groupEnd(g, rows.size());
            }
            notListed(v.resources(), "resource");
            h.append("</section>\n");
        }

        private void images() {
            int total = v.images().stream().mapToInt(g -> g.findings().size()).sum();
            long fixable = v.images().stream().mapToLong(ReportView.Group::fixable).sum();
            h.append("<section id=\"k8sgate-images\" aria-labelledby=\"k8sgate-images-title\">\n")
                    .append("<h2 id=\"k8sgate-images-title\">Vulnerabilities by image</h2>\n<p>").append(total)
                    .append(" vulnerabilities in ").append(v.images().size()).append(" image(s); ").append(fixable)
                    .append(" can be fixed by upgrading a package.</p>\n");
            workloadTable();
            int index = 0;
            for (ReportView.Group g : v.images()) {
                List<Finding> rows = listedOf(g);
                if (rows.isEmpty()) {
                    continue;
                }
                Set<String> workloads = g.union(FindingProperties.WORKLOADS, FindingProperties.SEPARATOR);
                groupStart(g, index++, "i", "<code class=\"image\">" + e(g.key())
                        + "</code> <span class=\"group-meta\">" + g.fixable() + " fixable"
                        + (workloads.isEmpty() ? "" : " · used by " + e(String.join(", ", workloads))) + "</span>");
                vulnerabilityRows(g, rows, Set.of(FindingProperties.IMAGE, FindingProperties.WORKLOADS));
            }
            notListed(v.images(), "image");
            h.append("</section>\n");
        }

        /** Vulnerabilities of scans that are not of a deployed image, by what was scanned. */
        private void artifacts() {
            int total = v.artifacts().stream().mapToInt(g -> g.findings().size()).sum();
            h.append("<section id=\"k8sgate-artifacts\" aria-labelledby=\"k8sgate-artifacts-title\">\n")
                    .append("<h2 id=\"k8sgate-artifacts-title\">Vulnerabilities in other scans</h2>\n<p>")
                    .append(total).append(" vulnerabilities in ").append(v.artifacts().size())
                    .append(" scan(s) of files, repositories, SBOMs or machine images rather than of a deployed "
                            + "image; ").append(o.policy().images().artifactVulnerabilities()
                            == io.k8sgate.core.check.image.ImageSettings.ArtifactVulnerabilities.GATE
                            ? "they count like the others (images.artifactVulnerabilities: gate)."
                            : "they are listed as INFO and do not gate (images.artifactVulnerabilities: report).")
                    .append("</p>\n");
            int index = 0;
            for (ReportView.Group g : v.artifacts()) {
                List<Finding> rows = listedOf(g);
                if (rows.isEmpty()) {
                    continue;
                }
                String type = ReportView.property(g.findings().get(0), "artifactType");
                groupStart(g, index++, "a", "<code class=\"image\">" + e(g.key())
                        + "</code> <span class=\"group-meta\">"
                        + (type.isEmpty() ? "" : e(type) + " · ") + g.fixable() + " fixable · "
                        + e(String.join(", ", g.files())) + "</span>");
                vulnerabilityRows(g, rows, Set.of(FindingProperties.ARTIFACT, "artifactType"));
            }
            notListed(v.artifacts(), "scan");
            h.append("</section>\n");
        }

        /** The table of a group of vulnerabilities: id, package, versions, then the details not shown elsewhere. */
        private void vulnerabilityRows(final ReportView.Group g, final List<Finding> rows, final Set<String> shown) {
            tableStart("findings vulns", "Severity", "Vulnerability", "Package", "Installed", "Fixed in", "Details");
            Set<String> inColumns = new java.util.HashSet<>(shown);
            inColumns.addAll(Set.of(FindingProperties.VULNERABILITY_ID, FindingProperties.PACKAGE,
                    FindingProperties.INSTALLED_VERSION, FindingProperties.FIXED_VERSION));
            for (Finding f : rows) {
                String id = ReportView.property(f, FindingProperties.VULNERABILITY_ID);
                String fixed = ReportView.property(f, FindingProperties.FIXED_VERSION);
                rowStart(f);
                h.append("<th scope=\"row\">").append(e(id.isEmpty() ? f.checkId() : id)).append("</th><td>")
                        .append(e(ReportView.property(f, FindingProperties.PACKAGE))).append("</td><td><code>")
                        .append(e(ReportView.property(f, FindingProperties.INSTALLED_VERSION)))
                        .append("</code></td><td>").append(fixed.isBlank() ? "<span class=\"nofix\">no fix yet</span>"
                                : "<code>" + e(fixed) + "</code>").append("</td><td><p class=\"msg\">")
                        .append(e(f.message())).append("</p>");
                properties(f, inColumns);
                h.append("<p class=\"where\"><code class=\"loc\">").append(e(f.location().toString()))
                        .append("</code> <code class=\"check\">").append(e(f.checkId())).append("</code></p>");
                references(f);
                h.append("</td></tr>\n");
            }
            groupEnd(g, rows.size());
        }

        /** One row per workload: which images it runs and how many of their vulnerabilities, by severity. */
        private void workloadTable() {
            List<ReportView.Group> workloads = v.workloads();
            if (workloads.isEmpty()) {
                return;
            }
            h.append("<h3>By workload</h3>\n");
            tableStart("workloads", "Workload", "Images", "CRITICAL", "HIGH", "MEDIUM", "LOW", "Fixable");
            for (ReportView.Group g : workloads.subList(0, Math.min(workloads.size(), MAX_TABLE_ROWS))) {
                Map<Severity, Integer> c = g.counts();
                h.append("<tr><th scope=\"row\">").append(e(g.key())).append("</th><td><code class=\"image\">")
                        .append(e(String.join(", ", g.union(FindingProperties.IMAGE, FindingProperties.SEPARATOR))))
                        .append("</code></td><td>").append(c.getOrDefault(Severity.CRITICAL, 0)).append("</td><td>")
                        .append(c.getOrDefault(Severity.HIGH, 0)).append("</td><td>")
                        .append(c.getOrDefault(Severity.MEDIUM, 0)).append("</td><td>")
                        .append(c.getOrDefault(Severity.LOW, 0)).append("</td><td>").append(g.fixable())
                        .append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
            moreRows(workloads.size(), "workload");
            h.append("<h3>By image</h3>\n");
        }

        private void subjects() {
            h.append("<section id=\"k8sgate-rbac\" aria-labelledby=\"k8sgate-rbac-title\">\n")
                    .append("<h2 id=\"k8sgate-rbac-title\">Risky RBAC subjects</h2>\n<p>").append(v.subjects().size())
                    .append(" subject(s) hold permissions that allow escalation or access to sensitive data.</p>\n");
            int index = 0;
            for (ReportView.Group g : v.subjects()) {
                List<Finding> rows = listedOf(g);
                if (rows.isEmpty()) {
                    continue;
                }
                groupStart(g, index++, "s", "<span class=\"res\">" + e(g.key()) + "</span>");
                tableStart("findings rbac", "Severity", "Finding", "Granted by", "Escalation path", "Where");
                for (Finding f : rows) {
                    rowStart(f);
                    h.append("<th scope=\"row\">").append(e(f.title())).append(" <code class=\"check\">")
                            .append(e(f.checkId())).append("</code><p class=\"msg\">").append(e(f.message()))
                            .append("</p>");
                    properties(f, Set.of(FindingProperties.SUBJECT, FindingProperties.BINDING, FindingProperties.ROLE,
                            FindingProperties.ESCALATION_PATH));
                    h.append("</th><td>");
                    String binding = ReportView.property(f, FindingProperties.BINDING);
                    String role = ReportView.property(f, FindingProperties.ROLE);
                    if (!binding.isEmpty()) {
                        h.append("<code>").append(e(binding)).append("</code>");
                    }
                    if (!role.isEmpty()) {
                        h.append(binding.isEmpty() ? "" : " <span aria-hidden=\"true\">→</span> grants ")
                                .append("<code>").append(e(role)).append("</code>");
                    }
                    h.append("</td><td>");
                    List<String> steps = ReportView.listProperty(f, FindingProperties.ESCALATION_PATH,
                            FindingProperties.PATH_STEP);
                    if (steps.isEmpty()) {
                        h.append("<span class=\"nofix\">direct grant</span>");
                    } else {
                        h.append("<ol class=\"path-steps\">");
                        steps.forEach(s -> h.append("<li>").append(e(s)).append("</li>"));
                        h.append("</ol>");
                    }
                    h.append("</td><td>");
                    where(f);
                    h.append("<p class=\"fix\">").append(e(f.remediation())).append("</p>");
                    references(f);
                    h.append("</td></tr>\n");
                }
                groupEnd(g, rows.size());
            }
            notListed(v.subjects(), "subject");
            h.append("</section>\n");
        }

        /** The findings of a group the page lists (all of them unless the page is cut). */
        private List<Finding> listedOf(final ReportView.Group g) {
            return truncated() ? g.findings().stream().filter(this::listed).toList() : g.findings();
        }

        /** Closes a group's table, saying how many of its findings are not listed. */
        private void groupEnd(final ReportView.Group g, final int listed) {
            h.append("</tbody></table>\n");
            if (listed < g.findings().size()) {
                h.append("<p class=\"more\">").append(String.format(Locale.ROOT, "%,d more", g.findings().size()
                        - listed)).append(" finding(s) of this group are in <a href=\"#k8sgate-truncated\">the JSON "
                        + "report</a>.</p>\n");
            }
            h.append("</details>\n");
        }

        /** Says how many findings of a section's groups the page leaves out, if any. */
        private void notListed(final List<ReportView.Group> groups, final String noun) {
            if (!truncated()) {
                return;
            }
            long missing = groups.stream().filter(g -> listedOf(g).isEmpty()).count();
            long findings = groups.stream().filter(g -> listedOf(g).isEmpty()).mapToLong(g -> g.findings().size())
                    .sum();
            if (missing > 0) {
                h.append("<p class=\"more\">").append(String.format(Locale.ROOT, "%,d more %s(s) with %,d "
                        + "finding(s)", missing, noun, findings)).append(" are in <a href=\"#k8sgate-truncated\">the "
                        + "JSON report</a>.</p>\n");
            }
        }

        /** Says how many rows of a table capped at {@link #MAX_TABLE_ROWS} are left out, if any. */
        private void moreRows(final int rows, final String noun) {
            if (rows > MAX_TABLE_ROWS) {
                h.append("<p class=\"more\">").append(String.format(Locale.ROOT, "%,d more %s(s) are in the JSON "
                        + "report (<code>%s</code>).", rows - MAX_TABLE_ROWS, noun, ReportFormat.JSON.fileName()))
                        .append("</p>\n");
            }
        }

        private void groupStart(final ReportView.Group g, final int index, final String kind, final String title) {
            Map<Severity, Integer> counts = g.counts();
            StringBuilder classes = new StringBuilder("group");
            counts.forEach((s, n) -> {
                if (n > 0) {
                    classes.append(" has-").append(lower(s));
                }
            });
            long fresh = g.findings().stream().filter(v::isNew).count();
            h.append("<details class=\"").append(classes).append("\" id=\"").append(unique(kind + "-" + index))
                    .append('"').append(index < OPEN_GROUPS ? " open" : "").append(">\n<summary>")
                    .append(badge(g.worst())).append(' ').append(title).append(" <span class=\"group-counts\">")
                    .append(g.findings().size()).append(g.findings().size() == 1 ? " finding" : " findings")
                    .append(": ").append(counts.entrySet().stream().filter(en -> en.getValue() > 0)
                            .map(en -> en.getValue() + " " + en.getKey()).collect(Collectors.joining(", ")))
                    .append("</span>");
            if (fresh > 0) {
                h.append(" <span class=\"badge badge-new\">").append(fresh).append(" NEW</span>");
            }
            h.append("</summary>\n");
        }

        private void tableStart(final String classes, final String... columns) {
            h.append("<table class=\"").append(classes).append("\">\n<thead><tr>");
            for (String c : columns) {
                h.append("<th scope=\"col\">").append(c).append("</th>");
            }
            h.append("</tr></thead>\n<tbody>\n");
        }

        private void rowStart(final Finding f) {
            h.append("<tr class=\"finding row-").append(lower(f.severity())).append("\" id=\"")
                    .append(anchors.get(f)).append("\"><td>").append(badge(f.severity()));
            if (v.isNew(f)) {
                h.append(" <span class=\"badge badge-new\">NEW</span>");
            }
            h.append("</td>");
        }

        private void where(final Finding f) {
            h.append("<code class=\"loc\">").append(e(f.location().toString())).append("</code>");
            String hook = ReportView.property(f, FindingProperties.HELM_HOOK);
            if (!hook.isEmpty()) {
                h.append(" <span class=\"hook\" title=\"").append(e(hook)).append("\">Helm hook</span>");
            }
            String rendered = ReportView.property(f, FindingProperties.RENDERED);
            if (!rendered.isEmpty()) {
                h.append("<br><span class=\"rendered\">rendered by ")
                        .append(e(ReportView.property(f, FindingProperties.PRODUCED_BY))).append(", ")
                        .append(e(rendered)).append("</span>");
            }
            if (!f.fieldPath().isEmpty()) {
                h.append("<br><code class=\"path\">").append(e(f.fieldPath())).append("</code>");
            }
            if (!f.container().isEmpty()) {
                h.append("<br>container <code>").append(e(f.container())).append("</code>");
            }
        }

        private void fix(final Finding f) {
            h.append("<p class=\"fix\">").append(e(f.remediation())).append("</p>");
            references(f);
        }

        private void references(final Finding f) {
            List<String> links = f.references().stream().filter(HtmlReportWriter::isWebLink).toList();
            List<String> equivalents = f.equivalents().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(en -> en.getKey() + " " + String.join(", ", en.getValue())).toList();
            if (links.isEmpty() && equivalents.isEmpty()) {
                return;
            }
            h.append("<ul class=\"refs\">");
            links.forEach(r -> h.append("<li><a href=\"").append(e(r)).append("\" rel=\"noopener noreferrer ")
                    .append("nofollow\">").append(e(shortLink(r))).append("</a></li>"));
            if (!equivalents.isEmpty()) {
                h.append("<li class=\"equivalents\">Also: ").append(e(String.join("; ", equivalents))).append("</li>");
            }
            h.append("</ul>");
        }

        private void properties(final Finding f, final Set<String> shownElsewhere) {
            List<Map.Entry<String, String>> rest = f.properties().entrySet().stream()
                    .filter(en -> !shownElsewhere.contains(en.getKey()) && !SHOWN_WHERE.contains(en.getKey()))
                    .toList();
            if (rest.isEmpty()) {
                return;
            }
            h.append("<dl class=\"props\">");
            rest.forEach(en -> h.append("<dt>").append(e(en.getKey())).append("</dt><dd>").append(e(en.getValue()))
                    .append("</dd>"));
            h.append("</dl>");
        }

        private void suppressed() {
            List<Finding> list = v.suppressed();
            h.append("<section id=\"k8sgate-suppressed\" aria-labelledby=\"k8sgate-suppressed-title\">\n")
                    .append("<h2 id=\"k8sgate-suppressed-title\">Suppressed findings</h2>\n");
            if (list.isEmpty()) {
                h.append("<p class=\"empty\">None.</p>\n</section>\n");
                return;
            }
            LocalDate today = LocalDate.ofInstant(o.generatedAt(), ZoneOffset.UTC);
            h.append("<p>These findings do not count against the gate; each suppression names who accepted it and ")
                    .append("why.</p>\n<details><summary>").append(list.size()).append(" suppressed finding(s)")
                    .append("</summary>\n");
            tableStart("plain suppressed", "Severity", "Finding", "Resource", "Suppressed by", "Owner", "Reason",
                    "Expires");
            for (Finding f : list.subList(0, Math.min(list.size(), MAX_TABLE_ROWS))) {
                Suppression s = f.suppression().orElseThrow();
                h.append("<tr><td>").append(badge(f.severity())).append("</td><th scope=\"row\">").append(e(f.title()))
                        .append(" <code class=\"check\">").append(e(f.checkId())).append("</code><p class=\"msg\">")
                        .append(e(f.message())).append("</p></th><td>").append(e(f.resource().display()))
                        .append("<br><code class=\"loc\">").append(e(f.location().toString())).append("</code></td>")
                        .append("<td>").append(e(s.source())).append("<br><code class=\"loc\">")
                        .append(e(s.origin().toString())).append("</code></td><td>")
                        .append(s.owner().isEmpty() ? "<span class=\"nofix\">none named</span>" : e(s.owner()))
                        .append("</td><td>").append(e(s.reason())).append("</td><td>")
                        .append(s.expires().map(d -> d + " <span class=\"when\">(" + relative(today, d) + ")</span>")
                                .orElse("<span class=\"nofix\">never</span>"))
                        .append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
            moreRows(list.size(), "suppressed finding");
            h.append("</details>\n</section>\n");
        }

        private void diagnostics() {
            h.append("<section id=\"k8sgate-diagnostics\" aria-labelledby=\"k8sgate-diagnostics-title\">\n")
                    .append("<h2 id=\"k8sgate-diagnostics-title\">Input diagnostics</h2>\n");
            if (o.diagnostics().isEmpty()) {
                h.append("<p class=\"empty\">Every input was read.</p>\n</section>\n");
                return;
            }
            tableStart("plain diagnostics", "Level", "Where", "Problem", "Code");
            List<Diagnostic> diagnostics = v.diagnostics();
            for (Diagnostic d : diagnostics.subList(0, Math.min(diagnostics.size(), MAX_TABLE_ROWS))) {
                h.append("<tr><td><span class=\"level level-").append(lower(d.level())).append("\">")
                        .append(d.level()).append("</span></td><th scope=\"row\"><code class=\"loc\">")
                        .append(e(d.location().toString())).append("</code></th><td>").append(e(d.message()))
                        .append("</td><td><code>").append(e(d.code())).append("</code></td></tr>\n");
            }
            h.append("</tbody></table>\n");
            moreRows(diagnostics.size(), "diagnostic");
            h.append("</section>\n");
        }

        /** What produced the objects (charts, kustomizations), what was left out, what is defined twice. */
        private void inputs() {
            InputSummary in = o.inputs();
            h.append("<section id=\"k8sgate-inputs\" aria-labelledby=\"k8sgate-inputs-title\">\n")
                    .append("<h2 id=\"k8sgate-inputs-title\">Rendered and skipped inputs</h2>\n");
            if (!in.rendered().isEmpty()) {
                h.append("<h3>Rendered sources</h3>\n<p>Charts and kustomizations were rendered before checking; ")
                        .append("findings name the template, base or patch file a person edits, and the command ")
                        .append("below prints the rendered output their rendered lines refer to.</p>\n");
                for (RenderedSource r : in.rendered()) {
                    long hooks = r.hooks();
                    h.append("<details").append(openWhenShort(in.rendered().size())).append("><summary>")
                            .append(e(r.describe())).append(" <span class=\"group-meta\">")
                            .append(plural(r.objects().size(), "object"))
                            .append(hooks > 0 ? ", " + plural(hooks, "Helm hook") : "").append("</span></summary>\n")
                            .append("<p><code class=\"cmd\">").append(e(r.command())).append("</code></p>\n");
                    tableStart("plain rendered-objects", "Object", "Defined in", "Rendered line");
                    for (RenderedObject ob : r.objects()) {
                        h.append("<tr><th scope=\"row\">").append(e(ob.resource().display()))
                                .append(ob.isHook() ? " <span class=\"hook\" title=\"" + e(ob.hook())
                                        + "\">Helm hook</span>" : "")
                                .append("</th><td><code class=\"loc\">").append(e(ob.source().toString()))
                                .append("</code></td><td>").append(ob.rendered().line()).append("</td></tr>\n");
                    }
                    h.append("</tbody></table>\n</details>\n");
                }
            }
            if (!in.skipped().isEmpty()) {
                h.append("<h3>Skipped: not Kubernetes objects</h3>\n<p>").append(plural(in.skipped().size(),
                        "file or document")).append(" of the walked directories left out; the policy's ")
                        .append("<code>inputs.nonKubernetesDocuments: error</code> makes them input errors.</p>\n");
                tableStart("plain skipped", "Where", "Why");
                for (SkippedInput k : in.skipped()) {
                    h.append("<tr><th scope=\"row\"><code class=\"loc\">").append(e(k.location().toString()))
                            .append("</code></th><td>").append(e(k.reason())).append("</td></tr>\n");
                }
                h.append("</tbody></table>\n");
            }
            if (!in.duplicates().isEmpty()) {
                h.append("<h3>Objects defined more than once</h3>\n<p>Each definition is checked on its own; ")
                        .append("applied together, the last one replaces the others.</p>\n");
                tableStart("plain duplicates", "Object", "Definitions, in apply order", "Same source");
                for (DuplicateObject d : in.duplicates()) {
                    h.append("<tr><th scope=\"row\">").append(e(d.resource().display())).append("</th><td>")
                            .append(d.definitions().stream().map(l -> "<code class=\"loc\">" + e(l.toString())
                                    + "</code>").collect(java.util.stream.Collectors.joining("<br>")))
                            .append("</td><td>").append(d.conflict() ? "yes: the last one wins" : "no")
                            .append("</td></tr>\n");
                }
                h.append("</tbody></table>\n");
            }
            h.append("</section>\n");
        }

        private static String nameOf(final Finding f) {
            String ns = f.resource().namespace();
            return ns.isEmpty() ? f.resource().name() : ns + "/" + f.resource().name();
        }
    }

    static boolean isWebLink(final String ref) {
        String r = ref.trim().toLowerCase(Locale.ROOT);
        return (r.startsWith("https://") || r.startsWith("http://")) && ref.equals(ref.trim());
    }

    private static String shortLink(final String url) {
        String s = url.replaceFirst("^https?://", "");
        return s.length() > 70 ? s.substring(0, 67) + "…" : s;
    }

    /** Properties {@code where} shows itself, left out of a finding's list of properties. */
    private static final Set<String> SHOWN_WHERE = Set.of(FindingProperties.HELM_HOOK, FindingProperties.RENDERED,
            FindingProperties.PRODUCED_BY);

    private static String badge(final Severity s) {
        return "<span class=\"sev sev-" + lower(s) + "\">" + s + "</span>";
    }

    private static String verdictText(final GateStatus s) {
        return switch (s) {
            case PASS -> "the gate passed";
            case WARN -> "the gate passed with warnings (build unstable)";
            case FAIL -> "the gate failed: do not deploy";
        };
    }

    private static String policyText(final Policy p) {
        return "Policy <code>" + e(p.source()) + "</code>: fails on "
                + p.failOn().map(s -> "<strong>" + s + "</strong> and above").orElse("nothing") + ", warns on "
                + p.warnOn().map(s -> "<strong>" + s + "</strong> and above").orElse("nothing") + "; "
                + (p.newFindingsOnly() ? "only findings new since the baseline count" : "every finding counts")
                + "; unreadable input " + (p.failOnInputError() ? "fails the gate" : "only warns") + ".";
    }

    /**
     * A reason about findings over a threshold without the findings it names ("7 finding(s) at or above failOn
     * HIGH"), for when the page lists them right below; any other reason unchanged.
     */
    static String headline(final String reason) {
        int colon = reason.indexOf(": ");
        return colon > 0 && reason.substring(0, colon).contains(" at or above ") ? reason.substring(0, colon)
                : reason;
    }

    /** Short lists start expanded; long ones collapsed, so that they do not push the findings far down. */
    private static String openWhenShort(final int rows) {
        return rows <= OPEN_GROUPS ? " open" : "";
    }

    private static String plural(final long n, final String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String relative(final LocalDate today, final LocalDate day) {
        long days = ChronoUnit.DAYS.between(today, day);
        if (days == 0) {
            return "today";
        }
        return days > 0 ? "in " + days + (days == 1 ? " day" : " days")
                : -days + (days == -1 ? " day" : " days") + " ago";
    }

    private static String lower(final Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static String e(final String s) {
        return Text.html(s);
    }
}
