package io.k8sgate.core.input.trivy;

import com.fasterxml.jackson.databind.JsonNode;
import io.k8sgate.core.input.InputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Trivy-Operator {@code VulnerabilityReport} objects ({@code aquasecurity.github.io/v1alpha1}). */
final class Operator {
    private static final String LABEL = "trivy-operator.";

    private Operator() {
    }

    static ScanReport report(final JsonNode object, final String file, final int line) {
        String kind = object.path("kind").asText("");
        if (!"VulnerabilityReport".equals(kind) && !"ClusterVulnerabilityReport".equals(kind)) {
            throw new InputException(file, "is not a Trivy report: the object at line " + line + " is "
                    + (kind.isEmpty() ? "not a Kubernetes object" : "a " + kind)
                    + " (expected a Trivy-Operator VulnerabilityReport)");
        }
        JsonNode labels = object.path("metadata").path("labels");
        WorkloadRef workload = new WorkloadRef(
                labels.path(LABEL + "resource.namespace").asText(object.path("metadata").path("namespace")
                        .asText("")),
                labels.path(LABEL + "resource.kind").asText(""), labels.path(LABEL + "resource.name").asText(""),
                labels.path(LABEL + "container.name").asText(""));
        JsonNode report = object.path("report");
        String server = report.path("registry").path("server").asText("");
        JsonNode artifact = report.path("artifact");
        String repository = artifact.path("repository").asText("");
        String tag = artifact.path("tag").asText("");
        String digest = artifact.path("digest").asText("");
        String image = (server.isEmpty() || repository.isEmpty() ? "" : server + "/") + repository
                + (tag.isEmpty() ? "" : ":" + tag) + (digest.isEmpty() ? "" : "@" + digest);
        JsonNode os = report.path("os");
        Optional<OsInfo> info = os.path("family").asText("").isEmpty() ? Optional.empty()
                : Optional.of(new OsInfo(Naming.osFamily(os.path("family").asText("")), os.path("name").asText(""),
                        os.path("eosl").asBoolean(false)));
        List<Vulnerability> vulns = new ArrayList<>();
        for (JsonNode v : report.path("vulnerabilities")) {
            Map<String, Cvss> cvss = new HashMap<>();
            Optional<Double> score = Findings.score(v.path("score"));
            if (score.isPresent()) {
                cvss.put("report", new Cvss(Optional.empty(), "", score, "", Optional.empty(), ""));
            }
            String fixed = Findings.text(v, "fixedVersion");
            vulns.add(new Vulnerability(Findings.text(v, "vulnerabilityID"), Findings.text(v, "resource"),
                    Findings.text(v, "pkgPath"), Findings.text(v, "packagePURL"), Findings.text(v, "installedVersion"),
                    fixed, fixed.isEmpty() ? "affected" : "fixed", TrivySeverity.parse(Findings.text(v, "severity")),
                    Findings.text(v, "severitySource"), Map.of(), cvss, Findings.text(v, "title"),
                    Findings.text(v, "primaryLink")));
        }
        ScanResult result = new ScanResult(image, "", "", vulns, List.of(), List.of(), List.of());
        List<String> digests = digest.isEmpty() || repository.isEmpty() ? List.of()
                : List.of((server.isEmpty() ? "" : server + "/") + repository + "@" + digest);
        return new ScanReport(file, TrivyFormat.OPERATOR, image, "container_image", info, "", List.of(), digests,
                Optional.of(workload), List.of(result), Optional.empty());
    }
}
