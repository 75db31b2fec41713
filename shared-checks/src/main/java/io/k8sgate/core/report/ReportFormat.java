package io.k8sgate.core.report;

import io.k8sgate.core.model.Location;
import io.k8sgate.core.policy.ConfigurationException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The report formats, each with its writer and file name. */
public enum ReportFormat {
    JSON("json", "k8s-security-report.json", JsonReportWriter::new),
    SARIF("sarif", "k8s-security-report.sarif", SarifReportWriter::new),
    JUNIT("junit", "k8s-security-junit.xml", JUnitReportWriter::new),
    HTML("html", "k8s-security-report.html", HtmlReportWriter::new),
    MARKDOWN("md", "k8s-security-summary.md", MarkdownReportWriter::new);

    private final String id;
    private final String fileName;
    @SuppressWarnings("ImmutableEnumChecker") // constructor references: they hold no state
    private final Supplier<ReportWriter> writer;

    ReportFormat(final String id, final String fileName, final Supplier<ReportWriter> writer) {
        this.id = id;
        this.fileName = fileName;
        this.writer = writer;
    }

    /** The name used on command lines and in configuration ({@code json}, {@code sarif}, ...). */
    public String id() {
        return id;
    }

    /** The file the report is written to in the output directory. */
    public String fileName() {
        return fileName;
    }

    /** A writer for this format. */
    public ReportWriter writer() {
        return writer.get();
    }

    /** The format with the given id (case-insensitive; {@code markdown} and {@code xml} are accepted too). */
    public static Optional<ReportFormat> parse(final String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if ("markdown".equals(t)) {
            return Optional.of(MARKDOWN);
        }
        if ("xml".equals(t)) {
            return Optional.of(JUNIT);
        }
        return Arrays.stream(values()).filter(f -> f.id.equals(t)).findFirst();
    }

    /**
     * The formats with the given ids, in order, each once.
     *
     * @throws ConfigurationException naming the first id that is not a format
     */
    public static List<ReportFormat> parseAll(final Collection<String> ids) {
        Set<ReportFormat> chosen = new LinkedHashSet<>();
        for (String id : ids) {
            chosen.add(parse(id).orElseThrow(() -> new ConfigurationException(Location.ofFile("formats"),
                    "Unknown format '" + id.trim() + "' (json, sarif, junit, html, md)")));
        }
        return List.copyOf(chosen);
    }
}
