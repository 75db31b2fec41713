package io.k8sgate.core.input.trivy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CycloneDX BOM with vulnerabilities, read as a stream. CycloneDX lists each vulnerability once with the packages it
 * affects; like Trivy's JSON we report one vulnerability per affected package. CycloneDX has no selected severity and
 * no structured fixed version: the severity is the rating of the advisory's own source (else NVD's, else the highest),
 * and the fixed version comes from Trivy's {@code recommendation} text.
 */
final class CycloneDx {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern UPGRADE = Pattern.compile("Upgrade (\\S+) to version ([^;]+)");

    private final String file;
    private final Map<String, JsonNode> components = new HashMap<>();
    private final List<JsonNode> vulnerabilities = new ArrayList<>();
    private boolean bom;
    private boolean sawVulnerabilities;

    CycloneDx(final String file) {
        this.file = file;
    }

    void bomFormat(final String format) {
        bom = "CycloneDX".equals(format);
    }

    boolean isCycloneDx() {
        return bom;
    }

    boolean sawVulnerabilities() {
        return sawVulnerabilities;
    }

    void components(final JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            index(MAPPER.readTree(p));
        }
    }

    private void index(final JsonNode component) {
        String ref = component.path("bom-ref").asText("");
        if (!ref.isEmpty()) {
            components.put(ref, light(component));
        }
        component.path("components").forEach(this::index);
    }

    /** Keeps only what a vulnerability needs of a component. */
    private static JsonNode light(final JsonNode c) {
        com.fasterxml.jackson.databind.node.ObjectNode o = MAPPER.createObjectNode();
        o.put("name", c.path("name").asText(""));
        o.put("group", c.path("group").asText(""));
        o.put("version", c.path("version").asText(""));
        o.put("purl", c.path("purl").asText(""));
        c.path("properties").forEach(pr -> {
            if ("aquasecurity:trivy:FilePath".equals(pr.path("name").asText(""))) {
                o.put("path", pr.path("value").asText(""));
            }
        });
        return o;
    }

    void vulnerabilities(final JsonParser p) throws IOException {
        sawVulnerabilities = true;
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonNode v = MAPPER.readTree(p);
            com.fasterxml.jackson.databind.node.ObjectNode keep = MAPPER.createObjectNode();
            for (String field : List.of("id", "source", "ratings", "affects", "recommendation", "advisories")) {
                if (v.has(field)) {
                    keep.set(field, v.get(field));
                }
            }
            vulnerabilities.add(keep);
        }
    }

    ScanReport report(final Optional<JsonNode> metadata) {
        JsonNode component = metadata.map(m -> m.path("component")).orElse(MAPPER.missingNode());
        String artifact = component.path("name").asText("");
        boolean image = "container".equals(component.path("type").asText(""));
        List<String> tags = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        component.path("properties").forEach(pr -> {
            String n = pr.path("name").asText("");
            if ("aquasecurity:trivy:RepoTag".equals(n)) {
                tags.add(pr.path("value").asText(""));
            } else if ("aquasecurity:trivy:RepoDigest".equals(n)) {
                digests.add(pr.path("value").asText(""));
            }
        });
        List<Vulnerability> out = new ArrayList<>();
        for (JsonNode v : vulnerabilities) {
            for (JsonNode affect : v.path("affects")) {
                out.add(vulnerability(v, affect));
            }
        }
        ScanResult result = new ScanResult(artifact, "", "cyclonedx", out, List.of(), List.of(), List.of());
        return new ScanReport(file, TrivyFormat.CYCLONEDX, artifact, image ? "container_image" : "cyclonedx",
                Optional.empty(), "", tags, digests, Optional.empty(), List.of(result), Optional.empty());
    }

    private Vulnerability vulnerability(final JsonNode v, final JsonNode affect) {
        JsonNode c = components.getOrDefault(affect.path("ref").asText(""), MAPPER.createObjectNode());
        String group = c.path("group").asText("");
        String name = group.isEmpty() ? c.path("name").asText("") : group + ":" + c.path("name").asText("");
        String installed = c.path("version").asText("");
        JsonNode versions = affect.path("versions");
        if (versions.isArray() && versions.size() > 0 && installed.isEmpty()) {
            installed = versions.get(0).path("version").asText("");
        }
        String source = v.path("source").path("name").asText("");
        Map<String, TrivySeverity> vendor = new HashMap<>();
        Map<String, Cvss> cvss = new HashMap<>();
        for (JsonNode r : v.path("ratings")) {
            String from = r.path("source").path("name").asText("");
            TrivySeverity s = TrivySeverity.parse(r.path("severity").asText(""));
            vendor.merge(from, s, (a, b) -> a.compareTo(b) >= 0 ? a : b);
            Optional<Double> score = Findings.score(r.path("score"));
            if (score.isPresent()) {
                String method = r.path("method").asText("");
                String vector = r.path("vector").asText("");
                Cvss old = cvss.getOrDefault(from, new Cvss(Optional.empty(), "", Optional.empty(), "",
                        Optional.empty(), ""));
                cvss.put(from, switch (method) {
                    case "CVSSv2" -> new Cvss(score, vector, old.v3Score(), old.v3Vector(), old.v40Score(),
                            old.v40Vector());
                    case "CVSSv4" -> new Cvss(old.v2Score(), old.v2Vector(), old.v3Score(), old.v3Vector(), score,
                            vector);
                    default -> new Cvss(old.v2Score(), old.v2Vector(), score, vector, old.v40Score(),
                            old.v40Vector());
                });
            }
        }
        TrivySeverity severity = Optional.ofNullable(vendor.get(source)).or(() -> Optional.ofNullable(
                vendor.get("nvd"))).orElseGet(() -> vendor.values().stream().max(Enum::compareTo)
                        .orElse(TrivySeverity.UNKNOWN));
        String chosen = vendor.containsKey(source) ? source : vendor.containsKey("nvd") ? "nvd" : "";
        String fixed = "";
        Matcher m = UPGRADE.matcher(v.path("recommendation").asText(""));
        while (m.find()) {
            if (m.group(1).equals(name) || m.group(1).equals(c.path("name").asText(""))) {
                fixed = m.group(2).trim();
            }
        }
        String url = v.path("advisories").path(0).path("url").asText("");
        return new Vulnerability(v.path("id").asText(""), name, c.path("path").asText(""), c.path("purl").asText(""),
                installed, fixed, fixed.isEmpty() ? "" : "fixed", severity, chosen, vendor, cvss, "", url);
    }
}
