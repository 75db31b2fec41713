package io.k8sgate.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.ToolInfo;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.io.IOException;
import java.io.OutputStream;
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
    public static final String SCHEMA_VERSION = "1.0";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

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
                o.findings().stream().map(JsonReportWriter::finding).toList(),
                o.diagnostics().stream().map(d -> new DiagnosticView(d.level().name(), d.code(), d.location().file(),
                        d.location().line(), d.location().column(), d.message())).toList(),
                o.baseline().map(b -> BaselineView.of(o, b)).orElse(null));
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
        "diagnostics", "baseline"})
    record Report(String schemaVersion, Tool tool, String generatedAt, DecisionView decision, PolicyView policy,
            Summary summary, List<FindingView> findings, List<DiagnosticView> diagnostics,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable BaselineView baseline) {
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
}
