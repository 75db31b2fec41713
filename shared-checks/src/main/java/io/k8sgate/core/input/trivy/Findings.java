package io.k8sgate.core.input.trivy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Turns one finding object of a Trivy JSON report into our model. */
final class Findings {
    private Findings() {
    }

    static Misconfiguration misconfiguration(final JsonNode n) {
        JsonNode cause = n.has("CauseMetadata") ? n.path("CauseMetadata") : n.path("IacMetadata");
        return new Misconfiguration(text(n, "ID"), text(n, "AVDID"), text(n, "Type"), text(n, "Title"),
                text(n, "Message"), text(n, "Resolution"), TrivySeverity.parse(text(n, "Severity")),
                text(n, "PrimaryURL"), text(n, "Status"), cause.path("StartLine").asInt(0),
                cause.path("EndLine").asInt(0));
    }

    static SecretFinding secret(final JsonNode n) {
        return new SecretFinding(text(n, "RuleID"), text(n, "Category"), text(n, "Title"),
                TrivySeverity.parse(text(n, "Severity")), n.path("StartLine").asInt(0), n.path("EndLine").asInt(0));
    }

    static LicenseFinding license(final JsonNode n) {
        return new LicenseFinding(text(n, "Name"), text(n, "PkgName"), text(n, "FilePath"), text(n, "Category"),
                TrivySeverity.parse(text(n, "Severity")), text(n, "Link"));
    }

    static String text(final JsonNode n, final String field) {
        JsonNode v = n.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText("") : "";
    }

    static Optional<Double> score(final JsonNode v) {
        if (v.isNumber()) {
            return v.asDouble() > 0 ? Optional.of(v.asDouble()) : Optional.empty();
        }
        if (v.isTextual()) {
            try {
                double d = Double.parseDouble(v.asText());
                return d > 0 ? Optional.of(d) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
