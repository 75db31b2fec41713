package io.k8sgate.core.input.trivy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A CycloneDX BOM with vulnerabilities, read as a stream. CycloneDX lists each vulnerability once with the packages it
 * affects; like Trivy's JSON we report one vulnerability per affected package. CycloneDX has no selected severity and
 * no structured fixed version: the severity is the rating of the advisory's own source (else NVD's, else the highest),
 * and the fixed version comes from Trivy's {@code recommendation} text. Every field used is read with the type the
 * CycloneDX schema gives it, and a rating's severity must be one of the schema's names.
 */
final class CycloneDx {
    private static final Pattern UPGRADE = Pattern.compile("Upgrade (\\S+) to version ([^;]+)");
    private static final Component UNKNOWN_COMPONENT = new Component("", "", "", "", "");

    private final String file;
    private final Map<String, Component> components = new HashMap<>();
    private final List<Entry> vulnerabilities = new ArrayList<>();
    private boolean bom;
    private boolean sawVulnerabilities;
    /** A vulnerability that was not an object, seen before the file was known to be a BOM. */
    private @Nullable ReportException malformed;

    /** What a vulnerability needs of a component. */
    private record Component(String name, String group, String version, String purl, String path) {
    }

    /** One rating of a vulnerability. */
    private record Rating(String source, TrivySeverity severity, double score, String method, String vector) {
    }

    /** One affected package: the component's reference and the first version listed. */
    private record Affect(String ref, String version) {
    }

    /** What is kept of a vulnerability until the components are known. */
    private record Entry(String id, String source, List<Rating> ratings, List<Affect> affects,
            String recommendation, String url, int line) {
    }

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

    /** Reads {@code components} (the stream stands at it). */
    void components(final ReportJson json) throws IOException {
        if (!json.list()) {
            return;
        }
        while (json.next() != JsonToken.END_ARRAY) {
            component(json);
        }
    }

    private void component(final ReportJson json) throws IOException {
        if (!json.object()) {
            return;
        }
        JsonParser p = json.parser();
        String ref = "";
        String name = "";
        String group = "";
        String version = "";
        String purl = "";
        String path = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "bom-ref" -> ref = json.string();
                case "name" -> name = json.string();
                case "group" -> group = json.string();
                case "version" -> version = json.string();
                case "purl" -> purl = json.string();
                case "properties" -> path = properties(json).getOrDefault("aquasecurity:trivy:FilePath", "");
                case "components" -> components(json);
                default -> p.skipChildren();
            }
        }
        if (!ref.isEmpty()) {
            components.put(ref, new Component(name, group, version, purl, path));
        }
    }

    /** A list of {@code {name, value}} properties; a name given twice keeps its last value. */
    static Map<String, String> properties(final ReportJson json) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (String[] pair : propertyList(json)) {
            out.put(pair[0], pair[1]);
        }
        return out;
    }

    /** A list of {@code {name, value}} properties in order, repeated names included. */
    static List<String[]> propertyList(final ReportJson json) throws IOException {
        List<String[]> out = new ArrayList<>();
        if (!json.list()) {
            return out;
        }
        JsonParser p = json.parser();
        while (json.next() != JsonToken.END_ARRAY) {
            if (!json.object()) {
                continue;
            }
            String name = "";
            String value = "";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "name" -> name = json.string();
                    case "value" -> value = json.string();
                    default -> p.skipChildren();
                }
            }
            out.add(new String[] {name, value});
        }
        return out;
    }

    /** Reads {@code vulnerabilities} (the stream stands at it). */
    void vulnerabilities(final ReportJson json, final VulnerabilityCounter counter) throws IOException {
        sawVulnerabilities = true;
        if (!json.list()) {
            return;
        }
        while (json.next() != JsonToken.END_ARRAY) {
            JsonToken t = json.current();
            if (t != JsonToken.START_OBJECT && t != JsonToken.VALUE_NULL && !bom) {
                // not known to be a BOM yet: the file may be something else that lists ids; decided at the end
                if (malformed == null) {
                    malformed = json.wrongType("an object");
                }
                json.skip();
                continue;
            }
            if (json.object()) {
                Entry e = entry(json);
                counter.add(json, e.affects().size());
                vulnerabilities.add(e);
            }
        }
    }

    private Entry entry(final ReportJson json) throws IOException {
        JsonParser p = json.parser();
        int line = Math.max(p.currentTokenLocation().getLineNr(), 0);
        String id = "";
        String source = "";
        List<Rating> ratings = new ArrayList<>();
        List<Affect> affects = new ArrayList<>();
        String recommendation = "";
        String url = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> id = json.string();
                case "source" -> source = sourceName(json);
                case "ratings" -> {
                    if (json.list()) {
                        while (json.next() != JsonToken.END_ARRAY) {
                            rating(json).ifPresent(ratings::add);
                        }
                    }
                }
                case "affects" -> {
                    if (json.list()) {
                        while (json.next() != JsonToken.END_ARRAY) {
                            affects.add(affect(json));
                        }
                    }
                }
                case "recommendation" -> recommendation = json.string();
                case "advisories" -> url = firstAdvisory(json);
                default -> p.skipChildren();
            }
        }
        return new Entry(id, source, ratings, affects, recommendation, url, line);
    }

    /** The {@code name} of a {@code source} object. */
    private static String sourceName(final ReportJson json) throws IOException {
        String name = "";
        if (!json.object()) {
            return name;
        }
        JsonParser p = json.parser();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if ("name".equals(field)) {
                name = json.string();
            } else {
                p.skipChildren();
            }
        }
        return name;
    }

    private static Optional<Rating> rating(final ReportJson json) throws IOException {
        if (!json.object()) {
            return Optional.empty();
        }
        JsonParser p = json.parser();
        String source = "";
        TrivySeverity severity = TrivySeverity.UNKNOWN;
        double score = 0;
        String method = "";
        String vector = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "source" -> source = sourceName(json);
                case "severity" -> severity = severity(json);
                case "score" -> score = json.number();
                case "method" -> method = json.string();
                case "vector" -> vector = json.string();
                default -> p.skipChildren();
            }
        }
        return Optional.of(new Rating(source, severity, score, method, vector));
    }

    /** CycloneDX's severity names (lower case, as its schema lists them) on Trivy's scale. */
    private static TrivySeverity severity(final ReportJson json) throws IOException {
        String name = json.string();
        return switch (name) {
            case "critical" -> TrivySeverity.CRITICAL;
            case "high" -> TrivySeverity.HIGH;
            case "medium" -> TrivySeverity.MEDIUM;
            case "low" -> TrivySeverity.LOW;
            case "info", "none", "unknown", "" -> TrivySeverity.UNKNOWN;
            default -> throw json.refuse(json.path() + " is \"" + ReportJson.abbreviate(name) + "\", which is not a "
                    + "CycloneDX severity (critical, high, medium, low, info, none or unknown)");
        };
    }

    private static Affect affect(final ReportJson json) throws IOException {
        String ref = "";
        String version = "";
        if (!json.object()) {
            return new Affect(ref, version);
        }
        JsonParser p = json.parser();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "ref" -> ref = json.string();
                case "versions" -> {
                    if (json.list()) {
                        while (json.next() != JsonToken.END_ARRAY) {
                            String v = versionOf(json);
                            if (version.isEmpty()) {
                                version = v;
                            }
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new Affect(ref, version);
    }

    private static String versionOf(final ReportJson json) throws IOException {
        String version = "";
        if (!json.object()) {
            return version;
        }
        JsonParser p = json.parser();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if ("version".equals(field)) {
                version = json.string();
            } else {
                p.skipChildren();
            }
        }
        return version;
    }

    private static String firstAdvisory(final ReportJson json) throws IOException {
        String url = "";
        if (!json.list()) {
            return url;
        }
        JsonParser p = json.parser();
        while (json.next() != JsonToken.END_ARRAY) {
            if (!json.object()) {
                continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ("url".equals(field)) {
                    String u = json.string();
                    if (url.isEmpty()) {
                        url = u;
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return url;
    }

    /** The report, with the BOM's subject ({@code metadata.component}) as the scanned artifact. */
    ScanReport report(final TopMetadata.Component subject) {
        if (malformed != null) {
            throw malformed;
        }
        List<Vulnerability> out = new ArrayList<>();
        for (Entry v : vulnerabilities) {
            for (Affect affect : v.affects()) {
                out.add(vulnerability(v, affect));
            }
        }
        String artifact = subject.name();
        boolean image = "container".equals(subject.type());
        ScanResult result = new ScanResult(artifact, "", "cyclonedx", out, List.of(), List.of(), List.of());
        return new ScanReport(file, TrivyFormat.CYCLONEDX, artifact, image ? "container_image" : "cyclonedx",
                Optional.empty(), "", subject.repoTags(), subject.repoDigests(), Optional.empty(), List.of(result),
                Optional.empty());
    }

    private Vulnerability vulnerability(final Entry v, final Affect affect) {
        Component c = components.getOrDefault(affect.ref(), UNKNOWN_COMPONENT);
        String name = c.group().isEmpty() ? c.name() : c.group() + ":" + c.name();
        String installed = c.version().isEmpty() ? affect.version() : c.version();
        Map<String, TrivySeverity> vendor = new HashMap<>();
        Map<String, Cvss> cvss = new HashMap<>();
        for (Rating r : v.ratings()) {
            vendor.merge(r.source(), r.severity(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            if (r.score() > 0) {
                Optional<Double> score = Optional.of(r.score());
                Cvss old = cvss.getOrDefault(r.source(), new Cvss(Optional.empty(), "", Optional.empty(), "",
                        Optional.empty(), ""));
                cvss.put(r.source(), switch (r.method()) {
                    case "CVSSv2" -> new Cvss(score, r.vector(), old.v3Score(), old.v3Vector(), old.v40Score(),
                            old.v40Vector());
                    case "CVSSv4" -> new Cvss(old.v2Score(), old.v2Vector(), old.v3Score(), old.v3Vector(), score,
                            r.vector());
                    default -> new Cvss(old.v2Score(), old.v2Vector(), score, r.vector(), old.v40Score(),
                            old.v40Vector());
                });
            }
        }
        String source = v.source();
        TrivySeverity severity = Optional.ofNullable(vendor.get(source)).or(() -> Optional.ofNullable(
                vendor.get("nvd"))).orElseGet(() -> vendor.values().stream().max(Enum::compareTo)
                        .orElse(TrivySeverity.UNKNOWN));
        String chosen = vendor.containsKey(source) ? source : vendor.containsKey("nvd") ? "nvd" : "";
        String fixed = "";
        Matcher m = UPGRADE.matcher(v.recommendation());
        while (m.find()) {
            if (m.group(1).equals(name) || m.group(1).equals(c.name())) {
                fixed = m.group(2).trim();
            }
        }
        return new Vulnerability(v.id(), name, c.path(), c.purl(), installed, fixed, fixed.isEmpty() ? "" : "fixed",
                severity, chosen, vendor, cvss, "", v.url(), v.line());
    }
}
