package io.k8sgate.core.input.trivy;

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

    private static final JsonShape PROPERTY = JsonShape.exact().text("name", "value");
    private static final JsonShape SOURCE = JsonShape.exact().text("name");
    private static final JsonShape COMPONENT = JsonShape.exact().text("bom-ref", "name", "group", "version", "purl")
            .custom("properties", CycloneDx::propertyList).custom("components", json -> CycloneDx.COMPONENT.list(json));
    private static final JsonShape RATING = JsonShape.exact().object("source", SOURCE).number("score")
            .text("method", "vector").custom("severity", CycloneDx::severity);
    private static final JsonShape VERSION = JsonShape.exact().text("version");
    private static final JsonShape AFFECT = JsonShape.exact().text("ref").custom("versions", VERSION::list);
    private static final JsonShape ADVISORY = JsonShape.exact().text("url");
    private static final JsonShape VULNERABILITY = JsonShape.exact().text("id", "recommendation")
            .object("source", SOURCE).custom("ratings", RATING::list).custom("affects", AFFECT::list)
            .custom("advisories", ADVISORY::list);

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

    /** Reads {@code components} (the stream stands at it), with the components nested in them. */
    void components(final ReportJson json) throws IOException {
        for (JsonShape.Values c : COMPONENT.list(json)) {
            index(c);
        }
    }

    @SuppressWarnings("unchecked") // nested components are read by this shape
    private void index(final JsonShape.Values c) {
        String ref = c.text("bom-ref");
        if (!ref.isEmpty()) {
            String path = c.custom("properties", List.class).map(l -> (List<String[]>) l).orElse(List.of()).stream()
                    .filter(pr -> "aquasecurity:trivy:FilePath".equals(pr[0])).map(pr -> pr[1]).reduce((a, b) -> b)
                    .orElse("");
            components.put(ref, new Component(c.text("name"), c.text("group"), c.text("version"), c.text("purl"),
                    path));
        }
        c.custom("components", List.class).map(l -> (List<JsonShape.Values>) l).orElse(List.of())
                .forEach(this::index);
    }

    /** A list of {@code {name, value}} properties in order, repeated names included. */
    static List<String[]> propertyList(final ReportJson json) throws IOException {
        return PROPERTY.list(json).stream().map(p -> new String[] {p.text("name"), p.text("value")}).toList();
    }

    /** Reads {@code vulnerabilities} (the stream stands at it). */
    void vulnerabilities(final ReportJson json) throws IOException {
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
            Entry e = entry(VULNERABILITY.read(json));
            json.memory().vulnerabilities(json, e.affects().size());
            vulnerabilities.add(e);
        }
    }

    @SuppressWarnings("unchecked") // the lists are read by the shapes declared for them
    private static Entry entry(final JsonShape.Values v) {
        List<Rating> ratings = v.custom("ratings", List.class).map(l -> (List<JsonShape.Values>) l).orElse(List.of())
                .stream().map(r -> new Rating(r.object("source").text("name"), r.custom("severity",
                        TrivySeverity.class).orElse(TrivySeverity.UNKNOWN), r.number("score"), r.text("method"),
                        r.text("vector"))).toList();
        List<Affect> affects = v.custom("affects", List.class).map(l -> (List<JsonShape.Values>) l)
                .orElse(List.of()).stream().map(a -> new Affect(a.text("ref"), a.custom("versions", List.class)
                        .map(l -> (List<JsonShape.Values>) l).orElse(List.of()).stream().map(x -> x.text("version"))
                        .findFirst().orElse(""))).toList();
        String url = v.custom("advisories", List.class).map(l -> (List<JsonShape.Values>) l).orElse(List.of())
                .stream().map(a -> a.text("url")).findFirst().orElse("");
        return new Entry(v.text("id"), v.object("source").text("name"), ratings, affects, v.text("recommendation"),
                url, v.line());
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
