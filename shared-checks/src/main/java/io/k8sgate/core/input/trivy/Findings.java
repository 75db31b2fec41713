package io.k8sgate.core.input.trivy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads the findings of a result other than vulnerabilities (misconfigurations, secrets, licences) from the token
 * stream, each field with the type Trivy gives it; fields no finding uses (code excerpts, the matched secret text,
 * traces) are skipped unread, so that neither their size nor a secret reaches memory.
 */
final class Findings {
    private static final ReportJson.Fields MISCONFIGURATION = new ReportJson.Fields("ID", "AVDID", "Type", "Title",
            "Message", "Resolution", "Severity", "PrimaryURL", "Status", "CauseMetadata", "IacMetadata");
    private static final ReportJson.Fields CAUSE = new ReportJson.Fields("StartLine", "EndLine");
    private static final ReportJson.Fields SECRET = new ReportJson.Fields("RuleID", "Category", "Title", "Severity",
            "StartLine", "EndLine");
    private static final ReportJson.Fields LICENSE = new ReportJson.Fields("Name", "PkgName", "FilePath", "Category",
            "Severity", "Link");

    private Findings() {
    }

    /** A misconfiguration; the stream stands at its object (or null, an empty one). */
    static Misconfiguration misconfiguration(final ReportJson json) throws IOException {
        String id = "";
        String avdId = "";
        String type = "";
        String title = "";
        String message = "";
        String resolution = "";
        TrivySeverity severity = TrivySeverity.UNKNOWN;
        String url = "";
        String status = "";
        int[] lines = {0, 0};
        if (json.object()) {
            JsonParser p = json.parser();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = MISCONFIGURATION.of(p.currentName());
                p.nextToken();
                switch (field) {
                    case "ID" -> id = json.string();
                    case "AVDID" -> avdId = json.string();
                    case "Type" -> type = json.string();
                    case "Title" -> title = json.string();
                    case "Message" -> message = json.string();
                    case "Resolution" -> resolution = json.string();
                    case "Severity" -> severity = json.severity();
                    case "PrimaryURL" -> url = json.string();
                    case "Status" -> status = json.string();
                    case "CauseMetadata", "IacMetadata" -> lines = lines(json);
                    default -> p.skipChildren();
                }
            }
        }
        return new Misconfiguration(id, avdId, type, title, message, resolution, severity, url, status, lines[0],
                lines[1]);
    }

    private static int[] lines(final ReportJson json) throws IOException {
        int[] lines = {0, 0};
        if (!json.object()) {
            return lines;
        }
        JsonParser p = json.parser();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = CAUSE.of(p.currentName());
            p.nextToken();
            switch (field) {
                case "StartLine" -> lines[0] = line(json);
                case "EndLine" -> lines[1] = line(json);
                default -> p.skipChildren();
            }
        }
        return lines;
    }

    private static int line(final ReportJson json) throws IOException {
        long n = json.integer();
        return n > 0 && n <= Integer.MAX_VALUE ? (int) n : 0;
    }

    /** A secret, without its matched text; the stream stands at its object (or null). */
    static SecretFinding secret(final ReportJson json) throws IOException {
        String rule = "";
        String category = "";
        String title = "";
        TrivySeverity severity = TrivySeverity.UNKNOWN;
        int start = 0;
        int end = 0;
        if (json.object()) {
            JsonParser p = json.parser();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = SECRET.of(p.currentName());
                p.nextToken();
                switch (field) {
                    case "RuleID" -> rule = json.string();
                    case "Category" -> category = json.string();
                    case "Title" -> title = json.string();
                    case "Severity" -> severity = json.severity();
                    case "StartLine" -> start = line(json);
                    case "EndLine" -> end = line(json);
                    default -> p.skipChildren();
                }
            }
        }
        return new SecretFinding(rule, category, title, severity, start, end);
    }

    /** A licence; the stream stands at its object (or null). */
    static LicenseFinding license(final ReportJson json) throws IOException {
        String name = "";
        String pkg = "";
        String path = "";
        String category = "";
        TrivySeverity severity = TrivySeverity.UNKNOWN;
        String link = "";
        if (json.object()) {
            JsonParser p = json.parser();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = LICENSE.of(p.currentName());
                p.nextToken();
                switch (field) {
                    case "Name" -> name = json.string();
                    case "PkgName" -> pkg = json.string();
                    case "FilePath" -> path = json.string();
                    case "Category" -> category = json.string();
                    case "Severity" -> severity = json.severity();
                    case "Link" -> link = json.string();
                    default -> p.skipChildren();
                }
            }
        }
        return new LicenseFinding(name, pkg, path, category, severity, link);
    }
}
