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

    private static final JsonShape REGISTRY = JsonShape.exact().text("server");
    private static final JsonShape ARTIFACT = JsonShape.exact().text("repository", "tag", "digest");
    /** A vulnerability of a VulnerabilityReport, with CVSS data by source as Trivy's. */
    private static final JsonShape VULNERABILITY = JsonShape.exact()
            .text("vulnerabilityID", "resource", "installedVersion", "fixedVersion", "title", "primaryLink", "target",
                    "cvsssource", "packagePath", "packagePURL")
            .severity("severity").number("score").custom("cvss", Operator::cvss);
    private static final JsonShape CVSS = JsonShape.trivy().number("V2Score", "V3Score", "V40Score")
            .text("V2Vector", "V3Vector", "V40Vector");
    private static final JsonShape CHECK = JsonShape.exact().text("checkID", "title", "category", "remediation")
            .severity("severity").texts("messages").bool("success");
    private static final JsonShape SECRET = JsonShape.exact().text("target", "ruleID", "title", "category")
            .severity("severity");

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
    static ScanReport read(final ReportJson json) throws IOException {
        Operator o = new Operator(json.file(), Math.max(json.parser().currentTokenLocation().getLineNr(), 1));
        if (!json.object()) {
            throw json.refuse(json.path() + " is null where " + EXPECTED + " belongs");
        }
        JsonParser p = json.parser();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            if (!o.field(key, json)) {
                p.skipChildren();
            }
        }
        return o.report();
    }

    /** Reads one field of the object if it is one the operator writes; false when the caller should skip it. */
    boolean field(final String key, final ReportJson json) throws IOException {
        switch (key) {
            case "kind" -> kind = json.string();
            case "metadata" -> metadata = TopMetadata.read(json);
            case "report" -> report(json);
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

    private void report(final ReportJson json) throws IOException {
        if (!json.object()) {
            return;
        }
        JsonParser p = json.parser();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "registry" -> server = REGISTRY.read(json).text("server");
                case "artifact" -> {
                    JsonShape.Values a = ARTIFACT.read(json);
                    repository = a.text("repository");
                    tag = a.text("tag");
                    digest = a.text("digest");
                }
                case "os" -> os = ImageMetadata.os(json);
                case "vulnerabilities" -> {
                    if (json.list()) {
                        while (json.next() != JsonToken.END_ARRAY) {
                            json.memory().vulnerability(json);
                            vulnerability(json);
                        }
                    }
                }
                case "checks" -> CHECK.findings(json).forEach(c -> checks.add(check(c)));
                case "secrets" -> SECRET.findings(json).forEach(this::secret);
                default -> p.skipChildren();
            }
        }
    }

    /** CVSS data by source, as in Trivy's JSON; few per report, so not shared as the JSON reader shares them. */
    private static Map<String, Cvss> cvss(final ReportJson json) throws IOException {
        Map<String, Cvss> out = new LinkedHashMap<>();
        if (!json.object()) {
            return out;
        }
        while (json.next() == JsonToken.FIELD_NAME) {
            String source = json.parser().currentName();
            json.next();
            JsonShape.Values c = CVSS.read(json);
            out.put(source, Cvss.of(c.number("V2Score"), c.text("V2Vector"), c.number("V3Score"),
                    c.text("V3Vector"), c.number("V40Score"), c.text("V40Vector")));
        }
        return out;
    }

    private void vulnerability(final ReportJson json) throws IOException {
        JsonShape.Values v = VULNERABILITY.read(json);
        @SuppressWarnings("unchecked") // the cvss field's reader gives a map of Cvss by source
        Map<String, Cvss> cvss = v.custom("cvss", Map.class).map(m -> (Map<String, Cvss>) m).orElse(Map.of());
        double score = v.number("score");
        if (cvss.isEmpty() && score > 0) {
            cvss = Map.of("report", new Cvss(Optional.empty(), "", Optional.of(score), "", Optional.empty(), ""));
        }
        String fixed = v.text("fixedVersion");
        vulnerabilities.add(new Vulnerability(v.text("vulnerabilityID"), v.text("resource"), v.text("packagePath"),
                v.text("packagePURL"), v.text("installedVersion"), fixed, fixed.isEmpty() ? "affected" : "fixed",
                v.severity("severity"), v.text("cvsssource"), Map.of(), cvss, v.text("title"),
                v.text("primaryLink"), v.line()));
        vulnerabilityTargets.add(v.text("target"));
    }

    private static Misconfiguration check(final JsonShape.Values c) {
        return new Misconfiguration(c.text("checkID"), "", c.text("category"), c.text("title"),
                String.join("; ", c.texts("messages")), c.text("remediation"), c.severity("severity"), "",
                c.bool("success") ? "PASS" : "FAIL", 0, 0);
    }

    /** A secret without its matched text (the {@code match} field is never read). */
    private void secret(final JsonShape.Values s) {
        secrets.add(new SecretFinding(s.text("ruleID"), s.text("category"), s.text("title"), s.severity("severity"),
                0, 0));
        secretTargets.add(s.text("target"));
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
