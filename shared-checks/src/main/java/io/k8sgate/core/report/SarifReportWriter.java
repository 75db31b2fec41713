package io.k8sgate.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.ToolInfo;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.model.PssLevel;
import io.k8sgate.core.model.RenderedSource;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.model.Suppression;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * SARIF 2.1.0 for code-scanning UIs and the Warnings plugin. The tool, its rules and the invocation are written from
 * a typed model; suppressed findings carry a SARIF suppression so that viewers show them as such; input errors are
 * tool notifications. Results are written as a stream, field by field, one finding at a time, so that a run with a
 * million findings needs no second copy of them in memory and builds no model object per finding.
 */
public final class SarifReportWriter implements ReportWriter {
    /** The schema the output follows. */
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The key of our fingerprint in {@code partialFingerprints}. */
    public static final String FINGERPRINT_KEY = "k8sgateFingerprint/v1";

    /** The result properties every result has, written before the finding's own (and the container, if any). */
    private static final Set<String> STANDARD_PROPERTIES = Set.of("severity", "fieldPath", "kind", "namespace",
            "name");

    /** Each result is written on its own: no flush after each, or a million findings make a million writes. */
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    @Override
    public void write(final GateOutcome o, final OutputStream out) throws IOException {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Rule> rules = rules(o, index);
        List<Notification> notifications = new ArrayList<>(o.diagnostics().stream()
                .map(SarifReportWriter::notification).toList());
        // documents of walked directories left out as not Kubernetes objects: notes, so nothing is left out silently
        o.inputs().skipped().forEach(k -> notifications.add(new Notification("note", new Text("Skipped: "
                + k.reason() + " [skipped]"), List.of(new SarifLocation(physical(k.location()))))));
        try (JsonGenerator g = MAPPER.writer().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeFieldName("tool");
            MAPPER.writeValue(g, new Tool(new Driver(ToolInfo.NAME, o.toolVersion(), ToolInfo.INFORMATION_URI,
                    rules)));
            g.writeArrayFieldStart("results");
            Map<String, String> uris = new HashMap<>();
            for (Finding f : o.findings()) {
                int rule = Objects.requireNonNull(index.get(f.checkId()), "rules() indexes every finding's check");
                result(g, f, rule, uris);
            }
            g.writeEndArray();
            g.writeFieldName("invocations");
            MAPPER.writeValue(g, List.of(new Invocation(!o.hasInputErrors(), notifications)));
            g.writeFieldName("properties");
            MAPPER.writeValue(g, runProperties(o));
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static Map<String, String> runProperties(final GateOutcome o) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("decision", o.decision().status().name());
        properties.put("reason", o.decision().summary());
        if (!o.inputs().rendered().isEmpty()) {
            properties.put("renderedSources", o.inputs().rendered().stream().map(RenderedSource::describe)
                    .collect(Collectors.joining("; ")));
        }
        return properties;
    }

    /** One rule per check that ran, then one per other check that found something; fills the rule index. */
    private static List<Rule> rules(final GateOutcome o, final Map<String, Integer> index) {
        List<Rule> rules = new ArrayList<>();
        for (CheckMetadata m : o.checks()) {
            index.put(m.id(), rules.size());
            rules.add(rule(m));
        }
        for (Finding f : o.findings()) {
            if (!index.containsKey(f.checkId())) {
                index.put(f.checkId(), rules.size());
                rules.add(new Rule(f.checkId(), f.title(), new Text(f.title()), null,
                        new Help(f.remediation(), null), f.references().isEmpty() ? null : f.references().get(0),
                        new Configuration(level(f.severity())), new RuleProperties(List.of("security",
                        f.category().name().toLowerCase(Locale.ROOT)), securitySeverity(f.severity()), null)));
            }
        }
        return rules;
    }

    private static Rule rule(final CheckMetadata m) {
        List<String> tags = new ArrayList<>(List.of("security", m.category().name().toLowerCase(Locale.ROOT)));
        if (m.pssLevel() != PssLevel.NONE) {
            tags.add("pss-" + m.pssLevel().name().toLowerCase(Locale.ROOT));
        }
        if (!m.cisSection().isEmpty()) {
            tags.add("cis-" + m.cisSection());
        }
        String markdown = m.description() + "\n\n**Remediation:** " + m.remediation();
        return new Rule(m.id(), m.title(), new Text(m.title()), new Text(m.description()),
                new Help(m.remediation(), markdown), m.references().isEmpty() ? null : m.references().get(0),
                new Configuration(level(m.severity())),
                new RuleProperties(tags, securitySeverity(m.severity()),
                        m.equivalents().isEmpty() ? null : m.equivalents()));
    }

    /**
     * Writes one result straight to the generator, field by field as the typed model below would be written, without
     * building that model for each of possibly a million findings; file names are turned into URIs once per file.
     */
    private static void result(final JsonGenerator g, final Finding f, final int ruleIndex,
            final Map<String, String> uris) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.checkId());
        g.writeNumberField("ruleIndex", ruleIndex);
        g.writeStringField("level", level(f.severity()));
        g.writeObjectFieldStart("message");
        g.writeStringField("text", f.message());
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        Location l = f.location();
        physical(g, uris.computeIfAbsent(l.file(), SarifReportWriter::uriOf), l);
        String resource = f.resource().display();
        g.writeArrayFieldStart("logicalLocations");
        g.writeStartObject();
        g.writeStringField("name", f.container().isEmpty() ? resource : resource + "/" + f.container());
        g.writeStringField("fullyQualifiedName", resource);
        g.writeStringField("kind", "resource");
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField(FINGERPRINT_KEY, f.fingerprint());
        g.writeEndObject();
        if (f.suppression().isPresent()) {
            Suppression s = f.suppression().get();
            g.writeArrayFieldStart("suppressions");
            g.writeStartObject();
            g.writeStringField("kind", "annotation".equals(s.source()) ? "inSource" : "external");
            g.writeStringField("status", "accepted");
            g.writeStringField("justification", s.reason() + (s.owner().isEmpty() ? "" : " (owner: " + s.owner()
                    + ")") + s.expires().map(d -> " until " + d).orElse(""));
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeObjectFieldStart("properties");
        // the finding's own properties may repeat a standard key: the finding's value is written, in the standard
        // key's place, as a map filled in this order would hold it
        Map<String, String> own = f.properties();
        property(g, own, "severity", f.severity().name());
        property(g, own, "fieldPath", f.fieldPath());
        property(g, own, "kind", f.resource().kind());
        property(g, own, "namespace", f.resource().namespace());
        property(g, own, "name", f.resource().name());
        boolean container = !f.container().isEmpty();
        if (container) {
            property(g, own, "container", f.container());
        }
        for (Map.Entry<String, String> e : own.entrySet()) {
            String key = e.getKey();
            boolean written = STANDARD_PROPERTIES.contains(key) || (container && "container".equals(key));
            if (!written && e.getValue() != null) {
                g.writeStringField(key, e.getValue());
            }
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void property(final JsonGenerator g, final Map<String, String> own, final String key,
            final String standard) throws IOException {
        String value = own.getOrDefault(key, standard);
        if (value != null) {
            g.writeStringField(key, value);
        }
    }

    private static void physical(final JsonGenerator g, final String uri, final Location l) throws IOException {
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri);
        g.writeStringField("uriBaseId", "%SRCROOT%");
        g.writeEndObject();
        if (l.line() > 0) {
            g.writeObjectFieldStart("region");
            g.writeNumberField("startLine", l.line());
            if (l.column() > 0) {
                g.writeNumberField("startColumn", l.column());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static Notification notification(final Diagnostic d) {
        String level = switch (d.level()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
        return new Notification(level, new Text(d.message() + " [" + d.code() + "]"),
                List.of(new SarifLocation(physical(d.location()))));
    }

    private static PhysicalLocation physical(final Location l) {
        return new PhysicalLocation(new ArtifactLocation(uriOf(l.file()), "%SRCROOT%"),
                l.line() > 0 ? new Region(l.line(), l.column() > 0 ? l.column() : null) : null);
    }

    /** A relative URI reference for a file name: spaces and other reserved characters percent-encoded. */
    static String uriOf(final String file) {
        try {
            return new java.net.URI(null, null, file.replace('\\', '/'), null).getRawPath();
        } catch (java.net.URISyntaxException e) {
            return file.replace(" ", "%20");
        }
    }

    /** SARIF's level for a severity. */
    static String level(final Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** The score code-scanning UIs use to rank security results (GitHub: 9+ critical, 7+ high, 4+ medium). */
    static String securitySeverity(final Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }

    record Tool(Driver driver) {
    }

    record Driver(String name, String version, String informationUri, List<Rule> rules) {
    }

    record Rule(String id, String name, Text shortDescription, @Nullable Text fullDescription, Help help,
            @Nullable String helpUri, Configuration defaultConfiguration, RuleProperties properties) {
    }

    record RuleProperties(List<String> tags, @JsonProperty("security-severity") String securitySeverity,
            @Nullable Map<String, List<String>> equivalents) {
    }

    record Configuration(String level) {
    }

    record Text(String text) {
    }

    record Help(String text, @Nullable String markdown) {
    }

    record SarifLocation(PhysicalLocation physicalLocation) {
    }

    record PhysicalLocation(ArtifactLocation artifactLocation, @Nullable Region region) {
    }

    record ArtifactLocation(String uri, String uriBaseId) {
    }

    record Region(int startLine, @Nullable Integer startColumn) {
    }

    record Invocation(boolean executionSuccessful, List<Notification> toolExecutionNotifications) {
    }

    record Notification(String level, Text message, List<SarifLocation> locations) {
    }
}
