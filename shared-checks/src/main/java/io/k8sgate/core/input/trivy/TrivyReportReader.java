package io.k8sgate.core.input.trivy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k8sgate.core.input.InputException;
import io.k8sgate.core.input.LoaderLimits;
import io.k8sgate.core.input.YamlDocument;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.input.YamlParser;
import io.k8sgate.core.model.Diagnostic;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads every report shape Trivy and its companions write, recognised from the content: schema 2 JSON, the legacy
 * list, {@code trivy k8s} JSON, Trivy-Operator VulnerabilityReports and CycloneDX with vulnerabilities.
 *
 * <p>JSON is read as a stream: only one vulnerability (or metadata block) is held as a tree at a time, so the memory
 * needed does not grow with the size of the file beyond the typed findings kept. A file that is not a report, or is
 * broken, raises an {@link InputException} that names the file and the line and column where reading stopped.
 * Repeated values (package names, versions, CVSS data) are shared among findings. YAML, which only Trivy-Operator
 * objects use and which the cluster keeps small, is read whole under the manifest parser's limits.
 */
public final class TrivyReportReader {
    private static final int PEEK = 64;
    private static final int BUFFER = 1 << 16;
    /** Scores are read with the fast double parser: a large report holds hundreds of thousands of them. */
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build());

    /** Reads a report file; {@code name} is how messages and findings name it. */
    public TrivyDocument read(final Path path, final String name) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, name);
        } catch (IOException e) {
            throw new InputException(name, "cannot read the report: " + e.getMessage(), e);
        }
    }

    /** Reads a report from a stream (not closed here). */
    public TrivyDocument read(final InputStream stream, final String name) {
        BufferedInputStream in = new BufferedInputStream(stream, BUFFER);
        int first = firstSignificantByte(in, name);
        if (first < 0) {
            throw new InputException(name, "is empty: not a Trivy report");
        }
        if (first == '{' || first == '[' || first == 'n') {
            return readJson(in, name);
        }
        return readYaml(in, name);
    }

    private static int firstSignificantByte(final BufferedInputStream in, final String name) {
        try {
            in.mark(PEEK);
            int b;
            int seen = 0;
            do {
                b = in.read();
                seen++;
            } while (seen < PEEK && (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF || b == 0xBB
                    || b == 0xBF));
            in.reset();
            return b;
        } catch (IOException e) {
            throw new InputException(name, "cannot read the report: " + e.getMessage(), e);
        }
    }

    private TrivyDocument readJson(final InputStream in, final String name) {
        try (JsonParser p = MAPPER.getFactory().createParser(in)) {
            return new JsonReport(p, name).read();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ReportException(name, "is not valid JSON, reading stopped: " + firstLine(e.getOriginalMessage()),
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), e);
        } catch (IOException e) {
            throw new InputException(name, "cannot read the report: " + e.getMessage(), e);
        }
    }

    private static String firstLine(final String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private TrivyDocument readYaml(final InputStream in, final String name) {
        String text;
        try {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(name, "cannot read the report: " + e.getMessage(), e);
        }
        List<Diagnostic> problems = new ArrayList<>();
        List<YamlDocument> docs = new YamlParser(LoaderLimits.DEFAULT).parse(name, text, problems::add);
        if (!problems.isEmpty()) {
            throw new InputException(name, "is neither JSON nor readable YAML: " + problems.get(0));
        }
        List<ScanReport> reports = new ArrayList<>();
        for (YamlDocument doc : docs) {
            for (YamlNode root : doc.root().stream().toList()) {
                JsonNode tree = MAPPER.valueToTree(root.toJava());
                String kind = tree.path("kind").asText("");
                if ("List".equals(kind) || kind.endsWith("List")) {
                    for (JsonNode item : tree.path("items")) {
                        reports.add(Operator.report(item, name, root.location().line()));
                    }
                } else {
                    reports.add(Operator.report(tree, name, root.location().line()));
                }
            }
        }
        if (reports.isEmpty()) {
            throw new InputException(name, "holds no Trivy report (an empty YAML file)");
        }
        return new TrivyDocument(name, TrivyFormat.OPERATOR, reports);
    }

    /** The state of reading one JSON file. */
    private static final class JsonReport {
        private final JsonParser p;
        private final String name;
        private final Set<String> keys = new LinkedHashSet<>();
        private final List<ScanResult> results = new ArrayList<>();
        private final List<ScanReport> resources = new ArrayList<>();
        private final CycloneDx cdx;
        private final VulnerabilityReader vulnerabilityReader = new VulnerabilityReader();
        private final List<ScanReport> operatorItems = new ArrayList<>();
        private Optional<Integer> schemaVersion = Optional.empty();
        private boolean sawResults;
        private boolean kubernetes;
        private String artifactName = "";
        private String artifactType = "";
        private ImageMetadata metadata = ImageMetadata.NONE;
        private Optional<JsonNode> lowerMetadata = Optional.empty();
        private Optional<JsonNode> operatorReport = Optional.empty();
        private String apiVersion = "";
        private String kind = "";

        JsonReport(final JsonParser parser, final String name) {
            this.p = parser;
            this.name = name;
            this.cdx = new CycloneDx(name);
        }

        TrivyDocument read() throws IOException {
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
                expectEnd();
                return new TrivyDocument(name, TrivyFormat.LEGACY_LIST, List.of());
            }
            if (t == JsonToken.START_ARRAY) {
                List<ScanResult> list = readResultsArray();
                expectEnd();
                ScanReport report = new ScanReport(name, TrivyFormat.LEGACY_LIST, Naming.imageFromTargets(list), "",
                        Naming.osFromTargets(list), "", List.of(), List.of(), Optional.empty(), list,
                        Optional.empty());
                return new TrivyDocument(name, TrivyFormat.LEGACY_LIST, List.of(report));
            }
            if (t != JsonToken.START_OBJECT) {
                throw notReport("the file is a JSON " + describe(t) + ", not a report object or list");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                keys.add(key);
                p.nextToken();
                field(key);
            }
            expectEnd();
            return finish();
        }

        private void field(final String key) throws IOException {
            switch (key) {
                case "SchemaVersion" -> schemaVersion = Optional.of(p.getValueAsInt(-1));
                case "ArtifactName" -> artifactName = text();
                case "ArtifactType" -> artifactType = text();
                case "Metadata" -> metadata = ImageMetadata.of(MAPPER.readTree(p));
                case "ImageID", "RepoTags", "RepoDigests" -> metadata = metadata.merge(key, MAPPER.readTree(p));
                case "Results" -> {
                    sawResults = true;
                    results.addAll(readResultsArray());
                }
                case "ClusterName" -> {
                    kubernetes = true;
                    p.skipChildren();
                }
                case "Resources", "Findings", "Vulnerabilities", "Misconfigurations" -> {
                    kubernetes = true;
                    readResources();
                }
                case "bomFormat" -> cdx.bomFormat(text());
                case "components" -> cdx.components(p);
                case "vulnerabilities" -> cdx.vulnerabilities(p);
                case "metadata" -> lowerMetadata = Optional.of(MAPPER.readTree(p));
                case "apiVersion" -> apiVersion = text();
                case "kind" -> kind = text();
                case "report" -> operatorReport = Optional.of(MAPPER.readTree(p));
                case "items" -> readOperatorItems();
                case "spdxVersion", "SPDXID" -> throw notReport("it is an SPDX document, which carries no "
                        + "vulnerabilities: give the Trivy JSON report instead (trivy image -f json)");
                case "runs" -> throw notReport("it is a SARIF log, which loses the package data a gate needs: "
                        + "give the Trivy JSON report instead (trivy image -f json, or trivy convert)");
                case "@context" -> throw notReport("it is an OpenVEX document: pass it with --vex");
                case "document" -> throw notReport("it looks like a CSAF document: VEX statements are read from "
                        + "OpenVEX files (--vex)");
                default -> p.skipChildren();
            }
        }

        private TrivyDocument finish() {
            if (cdx.isCycloneDx()) {
                return new TrivyDocument(name, TrivyFormat.CYCLONEDX, List.of(cdx.report(lowerMetadata)));
            }
            if (!kind.isEmpty() || operatorReport.isPresent() || !operatorItems.isEmpty()) {
                List<ScanReport> all = new ArrayList<>(operatorItems);
                if (operatorReport.isPresent() || !kind.isEmpty() && !kind.endsWith("List")) {
                    com.fasterxml.jackson.databind.node.ObjectNode object = MAPPER.createObjectNode();
                    object.put("apiVersion", apiVersion);
                    object.put("kind", kind);
                    object.set("metadata", lowerMetadata.orElse(MAPPER.createObjectNode()));
                    object.set("report", operatorReport.orElse(MAPPER.createObjectNode()));
                    all.add(Operator.report(object, name, 1));
                }
                return new TrivyDocument(name, TrivyFormat.OPERATOR, all);
            }
            if (kubernetes) {
                return new TrivyDocument(name, TrivyFormat.KUBERNETES, resources);
            }
            if (schemaVersion.isPresent() && schemaVersion.get() != 2) {
                throw new InputException(name, "is a Trivy report of SchemaVersion " + schemaVersion.get()
                        + ", which is not supported (only 2, written since Trivy v0.20)");
            }
            if (cdx.sawVulnerabilities()) {
                throw new InputException(name, "is not a Trivy report: a JSON object with keys " + keys
                        + " and lower-case 'vulnerabilities' but no CycloneDX 'bomFormat' (a list of ids?)");
            }
            if (schemaVersion.isEmpty() && !sawResults && artifactName.isEmpty()) {
                throw new InputException(name, "is not a Trivy report: a JSON object with keys " + keys
                        + " (expected SchemaVersion and Results, ClusterName and Resources, a CycloneDX BOM or a "
                        + "VulnerabilityReport)");
            }
            TrivyFormat format = schemaVersion.isPresent() ? TrivyFormat.SCHEMA_2 : TrivyFormat.OBJECT_WITHOUT_SCHEMA;
            String artifact = artifactName.isEmpty() ? Naming.imageFromTargets(results) : artifactName;
            Optional<OsInfo> os = metadata.os().or(() -> Naming.osFromTargets(results));
            return new TrivyDocument(name, format, List.of(new ScanReport(name, format, artifact, artifactType, os,
                    metadata.imageId(), metadata.repoTags(), metadata.repoDigests(), Optional.empty(), results,
                    Optional.empty())));
        }

        private void readOperatorItems() throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                p.skipChildren();
                return;
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                int line = p.currentTokenLocation().getLineNr();
                JsonNode item = MAPPER.readTree(p);
                operatorItems.add(Operator.report(item, name, line));
            }
        }

        private void readResources() throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return;
            }
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw notReport("a cluster report's resource list is a JSON " + describe(p.currentToken()));
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                readResource();
            }
        }

        private void readResource() throws IOException {
            String namespace = "";
            String resourceKind = "";
            String resourceName = "";
            String error = "";
            List<ImageMetadata> metas = new ArrayList<>();
            List<ScanResult> own = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "Namespace" -> namespace = text();
                    case "Kind" -> resourceKind = text();
                    case "Name" -> resourceName = text();
                    case "Error" -> error = text();
                    case "Metadata" -> {
                        JsonNode m = MAPPER.readTree(p);
                        if (m.isArray()) {
                            m.forEach(e -> metas.add(ImageMetadata.of(e)));
                        } else if (m.isObject()) {
                            metas.add(ImageMetadata.of(m));
                        }
                    }
                    case "Results" -> own.addAll(readResultsArray());
                    default -> p.skipChildren();
                }
            }
            if (resourceKind.isEmpty() && resourceName.isEmpty() && own.isEmpty() && error.isEmpty()) {
                return;
            }
            WorkloadRef workload = new WorkloadRef(namespace, resourceKind, resourceName, "");
            Optional<String> err = error.isBlank() ? Optional.empty() : Optional.of(error.strip());
            for (ImageGroup g : ImageGroup.split(own, metas)) {
                boolean image = !g.artifact().isEmpty() || !g.meta().repoTags().isEmpty();
                resources.add(new ScanReport(name, TrivyFormat.KUBERNETES, g.artifact(),
                        image ? "container_image" : "", g.meta().os().or(() -> Naming.osFromTargets(g.results())),
                        g.meta().imageId(), g.meta().repoTags(), g.meta().repoDigests(), Optional.of(workload),
                        g.results(), err));
                err = Optional.empty();
            }
            if (err.isPresent()) {
                resources.add(new ScanReport(name, TrivyFormat.KUBERNETES, "", "", Optional.empty(), "", List.of(),
                        List.of(), Optional.of(workload), List.of(), err));
            }
        }

        private List<ScanResult> readResultsArray() throws IOException {
            List<ScanResult> list = new ArrayList<>();
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return list;
            }
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw notReport("'Results' is a JSON " + describe(p.currentToken()) + ", not a list");
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    throw notReport("a result is a JSON " + describe(p.currentToken()) + ", not an object");
                }
                list.add(readResult());
            }
            return list;
        }

        private ScanResult readResult() throws IOException {
            String target = "";
            String resultClass = "";
            String type = "";
            List<Vulnerability> vulns = new ArrayList<>();
            List<Misconfiguration> misconfs = new ArrayList<>();
            List<SecretFinding> secrets = new ArrayList<>();
            List<LicenseFinding> licenses = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "Target" -> target = text();
                    case "Class" -> resultClass = text();
                    case "Type" -> type = text();
                    case "Vulnerabilities" -> eachVulnerability(vulns);
                    case "Misconfigurations" -> eachObject(n -> misconfs.add(Findings.misconfiguration(n)));
                    case "Secrets" -> eachObject(n -> secrets.add(Findings.secret(n)));
                    case "Licenses" -> eachObject(n -> licenses.add(Findings.license(n)));
                    default -> p.skipChildren();
                }
            }
            return new ScanResult(target, resultClass, type, vulns, misconfs, secrets, licenses);
        }

        /** Vulnerabilities are most of a large report: they are read from the token stream with no tree. */
        private void eachVulnerability(final List<Vulnerability> sink) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                p.skipChildren();
                return;
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() == JsonToken.START_OBJECT) {
                    sink.add(vulnerabilityReader.read(p));
                } else {
                    p.skipChildren();
                }
            }
        }

        private void eachObject(final java.util.function.Consumer<JsonNode> sink) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                p.skipChildren();
                return;
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() == JsonToken.START_OBJECT) {
                    sink.accept(MAPPER.readTree(p));
                } else {
                    p.skipChildren();
                }
            }
        }

        private String text() throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                p.skipChildren();
                return "";
            }
            return t == JsonToken.VALUE_NULL ? "" : p.getValueAsString("");
        }

        private void expectEnd() throws IOException {
            JsonToken after = p.nextToken();
            if (after != null) {
                throw notReport("more JSON follows the report (" + describe(after) + ")");
            }
        }

        private InputException notReport(final String why) {
            JsonLocation at = p.currentTokenLocation();
            return new ReportException(name, "is not a Trivy report: " + why, at.getLineNr(), at.getColumnNr());
        }

        private static String describe(final JsonToken t) {
            return switch (t) {
                case START_OBJECT -> "object";
                case START_ARRAY -> "array";
                case VALUE_STRING -> "string";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
                case VALUE_TRUE, VALUE_FALSE -> "boolean";
                case VALUE_NULL -> "null";
                default -> t.name().toLowerCase(Locale.ROOT);
            };
        }
    }
}
