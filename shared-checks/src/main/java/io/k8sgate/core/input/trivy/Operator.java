package io.k8sgate.core.input.trivy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.k8sgate.core.input.InputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Trivy-Operator's report objects ({@code aquasecurity.github.io/v1alpha1}): VulnerabilityReports (vulnerabilities of
 * one container's image), ConfigAuditReports, RbacAssessmentReports and InfraAssessmentReports (failed configuration
 * checks of one object), ExposedSecretReports (secrets in one container's image), and their cluster-scoped forms.
 * The workload comes from the operator's {@code trivy-operator.resource.*} labels. Fields are read with the types of
 * the operator's CRDs, and severities must be the operator's names.
 */
final class Operator {
    private static final String LABEL = "trivy-operator.";
    private static final Set<String> VULNERABILITY_KINDS = Set.of("VulnerabilityReport",
            "ClusterVulnerabilityReport");
    private static final Set<String> CHECK_KINDS = Set.of("ConfigAuditReport", "ClusterConfigAuditReport",
            "RbacAssessmentReport", "ClusterRbacAssessmentReport", "InfraAssessmentReport",
            "ClusterInfraAssessmentReport");
    private static final Set<String> SECRET_KINDS = Set.of("ExposedSecretReport");
    private static final String EXPECTED = "a Trivy-Operator VulnerabilityReport, ConfigAuditReport, "
            + "RbacAssessmentReport, InfraAssessmentReport or ExposedSecretReport";

    private final String file;
    private final int line;
    private String kind = "";
    private TopMetadata metadata = TopMetadata.NONE;
    private String server = "";
    private String repository = "";
    private String tag = "";
    private String digest = "";
    private Optional<OsInfo> os = Optional.empty();
    private final List<Vulnerability> vulnerabilities = new ArrayList<>();
    private final List<String> vulnerabilityTargets = new ArrayList<>();
    private final List<Misconfiguration> checks = new ArrayList<>();
    private final List<SecretFinding> secrets = new ArrayList<>();
    private final List<String> secretTargets = new ArrayList<>();

    /** An object that starts at {@code line} of {@code file}. */
    Operator(final String file, final int line) {
        this.file = file;
        this.line = line;
    }

    /** Reads a whole object (the stream stands at its start) into a report. */
    static ScanReport read(final ReportJson json, final VulnerabilityReader cvss, final VulnerabilityCounter counter)
            throws IOException {
        Operator o = new Operator(json.file(), Math.max(json.parser().currentTokenLocation().getLineNr(), 1));
        if (!json.object()) {
            throw json.refuse(json.path() + " is null where " + EXPECTED + " belongs");
        }
        JsonParser p = json.parser();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            if (!o.field(key, json, cvss, counter)) {
                p.skipChildren();
            }
        }
        return o.report();
    }

    /** Reads one field of the object if it is one the operator writes; false when the caller should skip it. */
    boolean field(final String key, final ReportJson json, final VulnerabilityReader cvss,
            final VulnerabilityCounter counter) throws IOException {
        switch (key) {
            case "kind" -> kind = json.string();
            case "metadata" -> metadata = TopMetadata.read(json);
            case "report" -> report(json, cvss, counter);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Sets what a caller that read the fields itself found. */
    Operator with(final String objectKind, final TopMetadata objectMetadata) {
        this.kind = objectKind;
        this.metadata = objectMetadata;
        return this;
    }

    private void report(final ReportJson json, final VulnerabilityReader cvss, final VulnerabilityCounter counter)
            throws IOException {
        if (!json.object()) {
            return;
        }
        JsonParser p = json.parser();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "registry" -> server = single(json, "server");
                case "artifact" -> artifact(json);
                case "os" -> os = os(json);
                case "vulnerabilities" -> each(json, () -> {
                    counter.add(json, 1);
                    vulnerability(json, cvss);
                });
                case "checks" -> each(json, () -> checks.add(check(json)));
                case "secrets" -> each(json, () -> secret(json));
                default -> p.skipChildren();
            }
        }
    }

    /** Something read from the stream. */
    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    private static void each(final ReportJson json, final Step step) throws IOException {
        if (!json.list()) {
            return;
        }
        while (json.next() != JsonToken.END_ARRAY) {
            step.run();
        }
    }

    private static String single(final ReportJson json, final String name) throws IOException {
        String value = "";
        if (!json.object()) {
            return value;
        }
        JsonParser p = json.parser();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            if (name.equals(key)) {
                value = json.string();
            } else {
                p.skipChildren();
            }
        }
        return value;
    }

    private void artifact(final ReportJson json) throws IOException {
        if (!json.object()) {
            return;
        }
        JsonParser p = json.parser();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "repository" -> repository = json.string();
                case "tag" -> tag = json.string();
                case "digest" -> digest = json.string();
                default -> p.skipChildren();
            }
        }
    }

    private static Optional<OsInfo> os(final ReportJson json) throws IOException {
        if (!json.object()) {
            return Optional.empty();
        }
        JsonParser p = json.parser();
        String family = "";
        String name = "";
        boolean eosl = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "family" -> family = json.string();
                case "name" -> name = json.string();
                case "eosl" -> eosl = json.bool();
                default -> p.skipChildren();
            }
        }
        return family.isEmpty() ? Optional.empty() : Optional.of(new OsInfo(Naming.osFamily(family), name, eosl));
    }

    private void vulnerability(final ReportJson json, final VulnerabilityReader cvssReader) throws IOException {
        int at = Math.max(json.parser().currentTokenLocation().getLineNr(), 0);
        String id = "";
        String resource = "";
        String installed = "";
        String fixed = "";
        TrivySeverity severity = TrivySeverity.UNKNOWN;
        String title = "";
        String link = "";
        double score = 0;
        String target = "";
        String source = "";
        String path = "";
        String purl = "";
        Map<String, Cvss> cvss = Map.of();
        if (json.object()) {
            JsonParser p = json.parser();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "vulnerabilityID" -> id = json.string();
                    case "resource" -> resource = json.string();
                    case "installedVersion" -> installed = json.string();
                    case "fixedVersion" -> fixed = json.string();
                    case "severity" -> severity = json.severity();
                    case "title" -> title = json.string();
                    case "primaryLink" -> link = json.string();
                    case "score" -> score = json.number();
                    case "target" -> target = json.string();
                    case "cvsssource" -> source = json.string();
                    case "packagePath" -> path = json.string();
                    case "packagePURL" -> purl = json.string();
                    case "cvss" -> cvss = cvssReader.cvss(json);
                    default -> p.skipChildren();
                }
            }
        }
        if (cvss.isEmpty() && score > 0) {
            cvss = Map.of("report", new Cvss(Optional.empty(), "", Optional.of(score), "", Optional.empty(), ""));
        }
        vulnerabilities.add(new Vulnerability(id, resource, path, purl, installed, fixed,
                fixed.isEmpty() ? "affected" : "fixed", severity, source, Map.of(), cvss, title, link, at));
        vulnerabilityTargets.add(target);
    }

    private static Misconfiguration check(final ReportJson json) throws IOException {
        String id = "";
        String title = "";
        String category = "";
        TrivySeverity severity = TrivySeverity.UNKNOWN;
        List<String> messages = new ArrayList<>();
        String remediation = "";
        boolean success = false;
        if (json.object()) {
            JsonParser p = json.parser();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "checkID" -> id = json.string();
                    case "title" -> title = json.string();
                    case "category" -> category = json.string();
                    case "severity" -> severity = json.severity();
                    case "messages" -> messages = ImageMetadata.strings(json);
                    case "remediation" -> remediation = json.string();
                    case "success" -> success = json.bool();
                    default -> p.skipChildren();
                }
            }
        }
        return new Misconfiguration(id, "", category, title, String.join("; ", messages), remediation, severity, "",
                success ? "PASS" : "FAIL", 0, 0);
    }

    private void secret(final ReportJson json) throws IOException {
        String target = "";
        String rule = "";
        String title = "";
        String category = "";
        TrivySeverity severity = TrivySeverity.UNKNOWN;
        if (json.object()) {
            JsonParser p = json.parser();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "target" -> target = json.string();
                    case "ruleID" -> rule = json.string();
                    case "title" -> title = json.string();
                    case "category" -> category = json.string();
                    case "severity" -> severity = json.severity();
                    default -> p.skipChildren(); // the matched text above all: a secret never reaches the model
                }
            }
        }
        secrets.add(new SecretFinding(rule, category, title, severity, 0, 0));
        secretTargets.add(target);
    }

    /** The report the object describes; an object of another kind is refused. */
    ScanReport report() {
        Map<String, String> labels = metadata.labels();
        WorkloadRef workload = new WorkloadRef(labels.getOrDefault(LABEL + "resource.namespace",
                metadata.namespace()), labels.getOrDefault(LABEL + "resource.kind", ""),
                labels.getOrDefault(LABEL + "resource.name", ""), labels.getOrDefault(LABEL + "container.name", ""));
        String image = (server.isEmpty() || repository.isEmpty() ? "" : server + "/") + repository
                + (tag.isEmpty() || repository.isEmpty() ? "" : ":" + tag)
                + (digest.isEmpty() || repository.isEmpty() ? "" : "@" + digest);
        List<String> digests = digest.isEmpty() || repository.isEmpty() ? List.of()
                : List.of((server.isEmpty() ? "" : server + "/") + repository + "@" + digest);
        String type = image.isEmpty() ? "" : "container_image";
        if (VULNERABILITY_KINDS.contains(kind)) {
            return new ScanReport(file, TrivyFormat.OPERATOR, image, type, os, "", List.of(), digests,
                    Optional.of(workload), byTarget(image, vulnerabilities, vulnerabilityTargets,
                            (target, list) -> new ScanResult(target, "", "", list, List.of(), List.of(), List.of())),
                    Optional.empty());
        }
        if (CHECK_KINDS.contains(kind)) {
            String target = workload.kind().isEmpty() ? workload.name() : workload.kind() + "/" + workload.name();
            return new ScanReport(file, TrivyFormat.OPERATOR, "", "", Optional.empty(), "", List.of(), List.of(),
                    Optional.of(workload), List.of(new ScanResult(target, "config", "kubernetes", List.of(), checks,
                            List.of(), List.of())), Optional.empty());
        }
        if (SECRET_KINDS.contains(kind)) {
            return new ScanReport(file, TrivyFormat.OPERATOR, image, type, Optional.empty(), "", List.of(), digests,
                    Optional.of(workload), byTarget(image, secrets, secretTargets,
                            (target, list) -> new ScanResult(target, "secret", "", List.of(), List.of(), list,
                                    List.of())), Optional.empty());
        }
        throw new InputException(file, "is not a Trivy report: the object at line " + line + " is "
                + (kind.isEmpty() ? "not a Kubernetes object" : "a " + kind) + " (expected " + EXPECTED + ")");
    }

    /** Makes one result of a list of findings. */
    @FunctionalInterface
    private interface ResultMaker<T> {
        ScanResult make(String target, List<T> items);
    }

    /** The findings grouped into one result per target, in order of first appearance (no target: the image). */
    private static <T> List<ScanResult> byTarget(final String image, final List<T> items,
            final List<String> targets, final ResultMaker<T> maker) {
        Map<String, List<T>> groups = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String target = targets.get(i).isEmpty() ? image : targets.get(i);
            groups.computeIfAbsent(target, k -> new ArrayList<>()).add(items.get(i));
        }
        if (groups.isEmpty()) {
            return List.of(maker.make(image, List.of()));
        }
        List<ScanResult> out = new ArrayList<>();
        groups.forEach((target, list) -> out.add(maker.make(target, list)));
        return out;
    }
}
