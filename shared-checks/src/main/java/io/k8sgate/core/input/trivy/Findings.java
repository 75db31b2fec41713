package io.k8sgate.core.input.trivy;

import java.io.IOException;

/**
 * Reads the findings of a result other than vulnerabilities (misconfigurations, secrets, licences) from the token
 * stream, each field with the type Trivy gives it; fields no finding uses (code excerpts, the matched secret text,
 * traces) are skipped unread, so that neither their size nor a secret reaches memory.
 */
final class Findings {
    private static final JsonShape CAUSE = JsonShape.trivy().line("StartLine", "EndLine");
    private static final JsonShape MISCONFIGURATION = JsonShape.trivy()
            .text("ID", "AVDID", "Type", "Title", "Message", "Resolution", "PrimaryURL", "Status")
            .severity("Severity").object("CauseMetadata", CAUSE).object("IacMetadata", CAUSE);
    private static final JsonShape SECRET = JsonShape.trivy().text("RuleID", "Category", "Title")
            .severity("Severity").line("StartLine", "EndLine");
    private static final JsonShape LICENSE = JsonShape.trivy().text("Name", "PkgName", "FilePath", "Category", "Link")
            .severity("Severity");

    private Findings() {
    }

    /** A misconfiguration; the stream stands at its object (or null, an empty one). */
    static Misconfiguration misconfiguration(final ReportJson json) throws IOException {
        JsonShape.Values m = MISCONFIGURATION.read(json);
        JsonShape.Values cause = m.has("CauseMetadata") ? m.object("CauseMetadata") : m.object("IacMetadata");
        return new Misconfiguration(m.text("ID"), m.text("AVDID"), m.text("Type"), m.text("Title"),
                m.text("Message"), m.text("Resolution"), m.severity("Severity"), m.text("PrimaryURL"),
                m.text("Status"), cause.line("StartLine"), cause.line("EndLine"));
    }

    /** A secret, without its matched text; the stream stands at its object (or null). */
    static SecretFinding secret(final ReportJson json) throws IOException {
        JsonShape.Values s = SECRET.read(json);
        return new SecretFinding(s.text("RuleID"), s.text("Category"), s.text("Title"), s.severity("Severity"),
                s.line("StartLine"), s.line("EndLine"));
    }

    /** A licence; the stream stands at its object (or null). */
    static LicenseFinding license(final ReportJson json) throws IOException {
        JsonShape.Values l = LICENSE.read(json);
        return new LicenseFinding(l.text("Name"), l.text("PkgName"), l.text("FilePath"), l.text("Category"),
                l.severity("Severity"), l.text("Link"));
    }
}
