package io.k8sgate.core.input.trivy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** Turns one finding object of a Trivy JSON report into our model. */
final class Findings {
    private Findings() {
    }

    static Vulnerability vulnerability(final JsonNode n) {
        return vulnerability(n, new Interner());
    }

    /** A vulnerability whose repeated parts are shared through {@code shared}. */
    static Vulnerability vulnerability(final JsonNode n, final Interner shared) {
        Map<String, TrivySeverity> vendors = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("VendorSeverity").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            vendors.put(shared.of(e.getKey()), e.getValue().isNumber()
                    ? TrivySeverity.ofVendorLevel(e.getValue().asInt()) : TrivySeverity.parse(e.getValue().asText("")));
        }
        Map<String, Cvss> cvss = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("CVSS").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode c = e.getValue();
            cvss.put(shared.of(e.getKey()), shared.of(new Cvss(score(c.path("V2Score")), shared.of(text(c,
                    "V2Vector")), score(c.path("V3Score")), shared.of(text(c, "V3Vector")), score(c.path("V40Score")),
                    shared.of(text(c, "V40Vector")))));
        }
        return new Vulnerability(text(n, "VulnerabilityID"), shared.of(text(n, "PkgName")),
                shared.of(text(n, "PkgPath")), shared.of(purl(n)), shared.of(text(n, "InstalledVersion")),
                shared.of(text(n, "FixedVersion")), shared.of(text(n, "Status")),
                TrivySeverity.parse(text(n, "Severity")), shared.of(text(n, "SeveritySource")),
                shared.of(Map.copyOf(vendors)), shared.of(Map.copyOf(cvss)), shared.of(text(n, "Title")),
                text(n, "PrimaryURL"));
    }

    private static String purl(final JsonNode n) {
        String purl = n.path("PkgIdentifier").path("PURL").asText("");
        if (purl.isEmpty()) {
            purl = n.path("PkgRef").asText("");
        }
        if (purl.isEmpty() && n.path("Ref").asText("").startsWith("pkg:")) {
            purl = n.path("Ref").asText("");
        }
        return purl;
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
