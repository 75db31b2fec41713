package io.k8sgate.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.ToolInfo;
import io.k8sgate.core.concurrent.EngineExecutor;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.InputSummary;
import io.k8sgate.core.model.RenderedObject;
import io.k8sgate.core.model.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The machine-readable report. Its shape is versioned by {@link #SCHEMA_VERSION} and described by
 * {@code report.schema.json} next to this class; a change that removes or renames a field raises the major version.
 */
public final class JsonReportWriter implements ReportWriter {
    /** The version of the report's schema. */
    public static final String SCHEMA_VERSION = "1.1";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    /** Findings rendered apart from the report, pretty-printed as they are inside it. */
    private static final ObjectWriter FINDING_WRITER = MAPPER.writer(new FindingPrinter());
    /** Findings rendered by one task: enough to outweigh the task's cost, few enough to spread the work. */
    private static final int CHUNK = 1_024;

    @Override
    public void write(final GateOutcome outcome, final OutputStream out) throws IOException {
        MAPPER.writeValue(out, toReport(outcome));
    }

    /** The report as typed values (also used by other writers and tests). */
    static Report toReport(final GateOutcome o) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            counts.put(s.name(), o.decision().counted().getOrDefault(s, 0));
        }
        return new Report(SCHEMA_VERSION, new Tool(ToolInfo.NAME, o.toolVersion(), ToolInfo.INFORMATION_URI),
                o.generatedAt().toString(),
                new DecisionView(o.decision().status().name(), o.decision().reasons(), counts,
                        o.decision().suppressed(), o.decision().blocking()),
                new PolicyView(o.policy().source(), o.policy().failOn().map(Enum::name).orElse("NONE"),
                        o.policy().warnOn().map(Enum::name).orElse("NONE"), o.policy().failOnInputError(),
                        o.policy().newFindingsOnly(), o.policy().targetKubernetesVersion().toString()),
                new Summary(o.files().size(), o.resources().size(), o.checks().size(), o.findings().size(),
                        (int) o.findings().stream().filter(Finding::isSuppressed).count(),
                        (int) o.diagnostics().stream().filter(Diagnostic::isError).count()),
                o.findings(),
                o.diagnostics().stream().map(d -> new DiagnosticView(d.level().name(), d.code(), d.location().file(),
                        d.location().line(), d.location().column(), d.message())).toList(),
                inputs(o.inputs()),
                o.baseline().map(b -> BaselineView.of(o, b)).orElse(null));
    }

    private static InputsView inputs(final InputSummary inputs) {
        return new InputsView(inputs.rendered().stream().map(s -> new RenderedView(
                s.renderer().name().toLowerCase(Locale.ROOT), s.path(), s.describe(), s.name(), s.version(),
                s.release(), s.namespace(), s.valuesFiles(), s.setKeys(), s.command(),
                s.objects().stream().map(JsonReportWriter::object).toList())).toList(),
                inputs.skipped().stream().map(k -> new SkippedView(k.location().file(), k.location().line(),
                        k.reason())).toList(),
                inputs.duplicates().stream().map(d -> new DuplicateView(new Resource(d.resource().kind(),
                        d.resource().namespace(), d.resource().name()), d.definitions().stream()
                        .map(l -> new Place(l.file(), l.line())).toList(), d.conflict())).toList());
    }

    private static RenderedObjectView object(final RenderedObject o) {
        return new RenderedObjectView(new Resource(o.resource().kind(), o.resource().namespace(), o.resource().name()),
                o.source().file(), o.source().line(), o.rendered().line(), o.isHook() ? o.hook() : null);
    }

    private static FindingView finding(final Finding f) {
        return new FindingView(f.checkId(), f.title(), f.severity().name(),
                f.category().name().toLowerCase(Locale.ROOT),
                new Resource(f.resource().kind(), f.resource().namespace(), f.resource().name()),
                f.container().isEmpty() ? null : f.container(), f.location().file(), f.location().line(),
                f.fieldPath(), f.message(), f.remediation(), f.references(), f.equivalents(), f.fingerprint(),
                f.isSuppressed(),
                f.suppression().map(s -> new SuppressionView(s.source(), s.owner(), s.reason(),
                        s.expires().map(Object::toString).orElse(null), s.origin().file(), s.origin().line()))
                        .orElse(null),
                f.properties());
    }

    /** The report's root. */
    @JsonPropertyOrder({"schemaVersion", "tool", "generatedAt", "decision", "policy", "summary", "findings",
        "diagnostics", "inputs", "baseline"})
    record Report(String schemaVersion, Tool tool, String generatedAt, DecisionView decision, PolicyView policy,
            Summary summary, @JsonSerialize(using = FindingsSerializer.class) List<Finding> findings,
            List<DiagnosticView> diagnostics, InputsView inputs,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable BaselineView baseline) {
    }

    /**
     * Writes the findings, the bulk of a large report, rendered in chunks on the engine's threads; each chunk is then
     * copied into the report in order, so the bytes are those a single-threaded writer produces. A window of chunks is
     * rendered at a time, so memory holds a few chunks, not a second copy of the report.
     */
    static final class FindingsSerializer extends StdSerializer<List<Finding>> {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings("unchecked") // the type token of a generic list
        FindingsSerializer() {
            super((Class<List<Finding>>) (Class<?>) List.class);
        }

        @Override
        public void serialize(final List<Finding> findings, final JsonGenerator g, final SerializerProvider provider)
                throws IOException {
            g.writeStartArray();
            EngineExecutor executor = EngineExecutor.shared();
            int window = CHUNK * 4 * executor.parallelism();
            for (int start = 0; start < findings.size(); start += window) {
                List<Finding> part = findings.subList(start, Math.min(findings.size(), start + window));
                List<List<Finding>> chunks = new ArrayList<>();
                for (int from = 0; from < part.size(); from += CHUNK) {
                    chunks.add(part.subList(from, Math.min(part.size(), from + CHUNK)));
                }
                for (RawJson rendered : executor.map(chunks, FindingsSerializer::render)) {
                    g.writeRawValue(rendered);
                }
            }
            g.writeEndArray();
        }

        private static RawJson render(final List<Finding> chunk) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(chunk.size() * 1_024);
            try (SequenceWriter out = FINDING_WRITER.writeValues(bytes)) {
                for (Finding f : chunk) {
                    out.write(finding(f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e); // writing to memory: only a serialisation bug gets here
            }
            return new RawJson(bytes.toByteArray());
        }
    }

    /**
     * JSON text already rendered as UTF-8, handed to a generator as a raw value: a generator writing bytes copies it
     * as is; one writing characters decodes it. The quoted forms (the text as the content of a JSON string), which
     * every {@link SerializableString} offers, mean what they mean for any other string.
     */
    static final class RawJson implements SerializableString {
        private final byte[] utf8;

        RawJson(final byte[] utf8) {
            this.utf8 = utf8;
        }

        @Override
        public String getValue() {
            return new String(utf8, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return utf8; // not copied: a chunk is megabytes, and the generator only reads it
        }

        @Override
        public char[] asQuotedChars() {
            return JsonStringEncoder.getInstance().quoteAsString(getValue());
        }

        @Override
        public byte[] asQuotedUTF8() {
            return JsonStringEncoder.getInstance().quoteAsUTF8(getValue());
        }

        @Override
        public int appendUnquotedUTF8(final byte[] buffer, final int offset) {
            return copy(utf8, buffer, offset);
        }

        @Override
        public int appendQuotedUTF8(final byte[] buffer, final int offset) {
            return copy(asQuotedUTF8(), buffer, offset);
        }

        @Override
        public int appendUnquoted(final char[] buffer, final int offset) {
            return copy(getValue().toCharArray(), buffer, offset);
        }

        @Override
        public int appendQuoted(final char[] buffer, final int offset) {
            return copy(asQuotedChars(), buffer, offset);
        }

        @Override
        public int writeUnquotedUTF8(final OutputStream out) throws IOException {
            out.write(utf8);
            return utf8.length;
        }

        @Override
        public int writeQuotedUTF8(final OutputStream out) throws IOException {
            byte[] quoted = asQuotedUTF8();
            out.write(quoted);
            return quoted.length;
        }

        @Override
        public int putUnquotedUTF8(final ByteBuffer buffer) {
            return put(utf8, buffer);
        }

        @Override
        public int putQuotedUTF8(final ByteBuffer buffer) {
            return put(asQuotedUTF8(), buffer);
        }

        /** Copies into a buffer from offset; -1 (nothing copied) when it does not fit, as the interface asks. */
        private static int copy(final byte[] bytes, final byte[] buffer, final int offset) {
            if (offset + bytes.length > buffer.length) {
                return -1;
            }
            System.arraycopy(bytes, 0, buffer, offset, bytes.length);
            return bytes.length;
        }

        private static int copy(final char[] chars, final char[] buffer, final int offset) {
            if (offset + chars.length > buffer.length) {
                return -1;
            }
            System.arraycopy(chars, 0, buffer, offset, chars.length);
            return chars.length;
        }

        private static int put(final byte[] bytes, final ByteBuffer buffer) {
            if (buffer.remaining() < bytes.length) {
                return -1;
            }
            buffer.put(bytes);
            return bytes.length;
        }
    }

    /**
     * Pretty-prints a finding as the report's printer does at the finding's depth (inside the root object; the
     * default printer writes arrays inline, without a level of their own), and separates findings rendered one after
     * the other as array elements are.
     */
    private static final class FindingPrinter extends DefaultPrettyPrinter {
        private static final long serialVersionUID = 1L;
        private static final int FINDING_DEPTH = 1;

        FindingPrinter() {
            _nesting = FINDING_DEPTH;
        }

        private FindingPrinter(final FindingPrinter base) {
            super(base);
            _nesting = FINDING_DEPTH;
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new FindingPrinter(this);
        }

        @Override
        public void writeRootValueSeparator(final JsonGenerator g) throws IOException {
            writeArrayValueSeparator(g);
        }
    }

    /** The producing tool. */
    record Tool(String name, String version, String informationUri) {
    }

    /** The verdict. */
    record DecisionView(String status, List<String> reasons, Map<String, Integer> counts, int suppressed,
            List<String> blocking) {
    }

    /** The policy in effect. */
    record PolicyView(String source, String failOn, String warnOn, boolean failOnInputError,
            boolean newFindingsOnly, String targetKubernetesVersion) {
    }

    /** Totals. */
    record Summary(int files, int resources, int checks, int findings, int suppressed, int inputErrors) {
    }

    /** An object's identity. */
    record Resource(String kind, String namespace, String name) {
    }

    /** One finding. */
    @JsonPropertyOrder({"checkId", "title", "severity", "category", "resource", "container", "file", "line",
        "fieldPath", "message", "remediation", "references", "equivalents", "fingerprint", "suppressed",
        "suppression", "properties"})
    record FindingView(String checkId, String title, String severity, String category, Resource resource,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String container, String file, int line,
            String fieldPath, String message, String remediation, List<String> references,
            Map<String, List<String>> equivalents, String fingerprint, boolean suppressed,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable SuppressionView suppression,
            Map<String, String> properties) {
    }

    /** Why a finding is suppressed. */
    record SuppressionView(String source, String owner, String reason,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String expires, String file, int line) {
    }

    /** A problem with the input. */
    record DiagnosticView(String level, String code, String file, int line, int column, String message) {
    }

    /** What the inputs were made of: rendered sources, skipped documents, objects defined twice. */
    record InputsView(List<RenderedView> rendered, List<SkippedView> skipped, List<DuplicateView> duplicates) {
    }

    /** A chart or kustomization that was rendered, with what it was rendered with and what it produced. */
    @JsonPropertyOrder({"renderer", "path", "description", "name", "version", "release", "namespace", "valuesFiles",
        "setKeys", "command", "objects"})
    record RenderedView(String renderer, String path, String description, String name, String version,
            String release, String namespace, List<String> valuesFiles, List<String> setKeys, String command,
            List<RenderedObjectView> objects) {
    }

    /** One object a rendered source produced: where a person edits it, where it is in the rendered output. */
    record RenderedObjectView(Resource resource, String file, int line, int renderedLine,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String hook) {
    }

    /** A file or document of a walked directory left out as not a Kubernetes object. */
    record SkippedView(String file, int line, String reason) {
    }

    /** An object identity defined more than once. */
    record DuplicateView(Resource resource, List<Place> definitions, boolean conflict) {
    }

    /** A file and line. */
    record Place(String file, int line) {
    }
}
