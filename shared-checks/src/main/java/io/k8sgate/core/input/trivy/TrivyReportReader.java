package io.k8sgate.core.input.trivy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k8sgate.core.input.InputException;
import io.k8sgate.core.input.LoaderLimits;
import io.k8sgate.core.input.MemoryBudget;
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
import java.util.Optional;
import java.util.Set;

/**
 * Reads every report shape Trivy and its companions write, recognised from the content: schema 2 JSON, the legacy
 * list, {@code trivy k8s} JSON, Trivy-Operator report objects and CycloneDX with vulnerabilities.
 *
 * <p>JSON is read as a stream into typed records, with no tree: the memory needed does not grow with the size of the
 * file beyond the findings kept, and each finding, result and value kept is paid for from the run's {@link
 * MemoryBudget} before it is built ({@link ReportMemory}). Every field the gate relies on is read with the type Trivy
 * gives it and object keys match fields as Trivy's own reader matches them ({@link ReportJson}): a value of the wrong
 * type or a severity Trivy does not know is an input error naming the file, the JSON path and the line, never a finding
 * silently dropped or downgraded. A file that is not a report, or is broken, raises an {@link InputException} that
 * names the file and the line and column where reading stopped. YAML, which only Trivy-Operator objects use, is read
 * whole under the manifest parser's limits, after its size is paid for.
 */
public final class TrivyReportReader {
    /**
     * The heap a typical vulnerability is charged from the run's budget, its values included (TrivyScaleBenchmark
     * measures what it keeps).
     */
    public static final long BYTES_PER_VULNERABILITY = ReportMemory.BYTES_PER_VULNERABILITY;
    /** Heap a byte of a YAML report costs while it is read (its text, the tree and a JSON copy of the tree). */
    static final int BYTES_PER_YAML_BYTE = 24;
    private static final int PEEK = 64;
    private static final int BUFFER = 1 << 16;
    /** Scores are read with the fast double parser: a large report holds hundreds of thousands of them. */
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build());
    /** Keys of a whole report, which no result, resource or vulnerability of Trivy's has. */
    private static final Set<String> REPORT_KEYS = Set.of("SchemaVersion", "ArtifactName", "ArtifactType", "Results",
            "ClusterName", "Resources", "Findings");
    private static final ReportJson.Fields REPORT_FIELDS = new ReportJson.Fields("SchemaVersion", "ArtifactName",
            "ArtifactType", "Metadata", "ImageID", "RepoTags", "RepoDigests", "Results", "ClusterName", "Resources",
            "Findings", "Vulnerabilities", "Misconfigurations");
    private static final ReportJson.Fields RESULT_FIELDS = new ReportJson.Fields("Target", "Class", "Type",
            "Vulnerabilities", "Misconfigurations", "Secrets", "Licenses", "SchemaVersion", "ArtifactName",
            "ArtifactType", "Results", "ClusterName", "Resources", "Findings");
    private static final ReportJson.Fields RESOURCE_FIELDS = new ReportJson.Fields("Namespace", "Kind", "Name",
            "Error", "Metadata", "Results", "VulnerabilityID");

    private final MemoryBudget budget;

    /** A reader with no memory limit of its own (tests, tools). */
    public TrivyReportReader() {
        this(MemoryBudget.unlimited());
    }

    /** A reader that pays for what it reads from {@code budget}. */
    public TrivyReportReader(final MemoryBudget budget) {
        this.budget = budget;
    }

    /** Reads a report file; {@code name} is how messages and findings name it. */
    public TrivyDocument read(final Path path, final String name) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, name);
        } catch (IOException e) {
            throw new InputException(name, "cannot be read: " + e.getMessage(), e);
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
            throw new InputException(name, "cannot be read: " + e.getMessage(), e);
        }
    }

    private TrivyDocument readJson(final InputStream in, final String name) {
        ReportMemory memory = new ReportMemory(budget);
        try (JsonParser p = MAPPER.getFactory().createParser(in)) {
            return new JsonReport(new ReportJson(p, name, memory)).read();
        } catch (StreamConstraintsException e) {
            memory.release();
            JsonLocation at = e.getLocation();
            throw new ReportException(name, "is refused: a value in it is over a limit of the JSON reader ("
                    + firstLine(e.getOriginalMessage()) + ")", at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), e);
        } catch (JsonProcessingException e) {
            memory.release();
            JsonLocation at = e.getLocation();
            throw new ReportException(name, "is not valid JSON, reading stopped: " + firstLine(e.getOriginalMessage()),
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), e);
        } catch (IOException e) {
            memory.release();
            throw new InputException(name, "cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            memory.release(); // a refused report keeps nothing
            throw e;
        }
    }

    private static String firstLine(final String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private TrivyDocument readYaml(final InputStream in, final String name) {
        byte[] bytes = yamlBytes(in, name);
        try {
            return readYaml(new String(bytes, StandardCharsets.UTF_8), name);
        } finally {
            budget.release((long) bytes.length * BYTES_PER_YAML_BYTE); // the text and trees are gone once read
        }
    }

    private TrivyDocument readYaml(final String text, final String name) {
        List<Diagnostic> problems = new ArrayList<>();
        List<YamlDocument> docs = new YamlParser(LoaderLimits.DEFAULT).parse(name, text, problems::add);
        if (!problems.isEmpty()) {
            throw new InputException(name, "is neither JSON nor readable YAML: " + problems.get(0));
        }
        ReportMemory memory = new ReportMemory(budget);
        List<ScanReport> reports = new ArrayList<>();
        try {
            for (YamlDocument doc : docs) {
                for (YamlNode root : doc.root().stream().toList()) {
                    String kind = root.get("kind").text("");
                    if (("List".equals(kind) || kind.endsWith("List")) && root.get("items").isSequence()) {
                        for (YamlNode item : root.get("items").elements()) {
                            reports.add(fromYaml(item, name, memory));
                        }
                    } else {
                        reports.add(fromYaml(root, name, memory));
                    }
                }
            }
        } catch (RuntimeException e) {
            memory.release(); // a refused report keeps nothing
            throw e;
        }
        if (reports.isEmpty()) {
            throw new InputException(name, "holds no Trivy report (an empty YAML file)");
        }
        return new TrivyDocument(name, TrivyFormat.OPERATOR, reports);
    }

    /**
     * The bytes of a YAML report, paid for from the budget chunk by chunk as they arrive (a YAML file is read whole),
     * up to the manifest reader's file limit.
     */
    private byte[] yamlBytes(final InputStream in, final String name) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] chunk = new byte[BUFFER];
        long limit = LoaderLimits.DEFAULT.maxFileBytes();
        boolean done = false;
        try {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                if (out.size() + (long) n > limit) {
                    throw new InputException(name, "is a YAML file of more than " + limit + " bytes, over the limit "
                            + "for a file of manifests or Trivy-Operator objects");
                }
                if (!budget.tryReserve((long) n * BYTES_PER_YAML_BYTE)) {
                    throw new InputException(name, "is too large to read as YAML within the memory this run may "
                            + "use: after " + MemoryBudget.bytes(out.size()) + " of it, about "
                            + BYTES_PER_YAML_BYTE + " bytes per byte of YAML would pass the " + budget.describe()
                            + " the inputs may take; " + MemoryBudget.advice()
                            + " (Trivy-Operator objects exported as JSON are read as a stream)");
                }
                out.write(chunk, 0, n);
            }
            done = true;
        } catch (IOException e) {
            throw new InputException(name, "cannot be read: " + e.getMessage(), e);
        } finally {
            if (!done) {
                budget.release((long) out.size() * BYTES_PER_YAML_BYTE);
            }
        }
        return out.toByteArray();
    }

    /**
     * One Trivy-Operator object of a YAML file, read by the same stream reader as JSON (over the object's tree); a
     * value of the wrong type is reported at its own line.
     */
    private static ScanReport fromYaml(final YamlNode object, final String name, final ReportMemory memory) {
        JsonNode tree = MAPPER.valueToTree(object.toJava());
        try (JsonParser p = tree.traverse(MAPPER)) {
            p.nextToken();
            return Operator.read(new ReportJson(p, name, object, memory));
        } catch (IOException e) {
            throw new InputException(name, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The state of reading one JSON file. */
    private static final class JsonReport {
        private final ReportJson json;
        private final JsonParser p;
        private final String name;
        private final Set<String> keys = new LinkedHashSet<>();
        private final List<ScanResult> results = new ArrayList<>();
        private final List<ScanReport> resources = new ArrayList<>();
        private final CycloneDx cdx;
        private final VulnerabilityReader vulnerabilityReader = new VulnerabilityReader();
        private final List<ScanReport> operatorItems = new ArrayList<>();
        private final Operator operator;
        private Optional<Long> schemaVersion = Optional.empty();
        private boolean sawResults;
        private boolean kubernetes;
        private boolean operatorFields;
        private String artifactName = "";
        private String artifactType = "";
        private ImageMetadata metadata = ImageMetadata.NONE;
        private TopMetadata lowerMetadata = TopMetadata.NONE;
        private String kind = "";

        JsonReport(final ReportJson json) {
            this.json = json;
            this.p = json.parser();
            this.name = json.file();
            this.cdx = new CycloneDx(name);
            this.operator = new Operator(name, 1);
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
                throw notReport("the file is " + ReportJson.describe(t) + ", not a report object or list");
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

        /** Keys of the other formats are exact; Trivy's own match as Trivy matches them. */
        private void field(final String key) throws IOException {
            switch (key) {
                case "bomFormat" -> cdx.bomFormat(json.string());
                case "components" -> cdx.components(json);
                case "vulnerabilities" -> cdx.vulnerabilities(json);
                case "metadata" -> lowerMetadata = TopMetadata.read(json);
                case "apiVersion" -> {
                    operatorFields = true;
                    json.string();
                }
                case "kind" -> {
                    operatorFields = true;
                    kind = json.string();
                }
                case "report" -> {
                    operatorFields = true;
                    operator.field(key, json);
                }
                case "items" -> readOperatorItems();
                case "spdxVersion", "SPDXID" -> throw notReport("it is an SPDX document, which carries no "
                        + "vulnerabilities: give the Trivy JSON report instead (trivy image -f json)");
                case "runs" -> throw notReport("it is a SARIF log, which loses the package data a gate needs: "
                        + "give the Trivy JSON report instead (trivy image -f json, or trivy convert)");
                case "@context" -> throw notReport("it is an OpenVEX document: pass it with --vex");
                case "document" -> throw notReport("it looks like a CSAF document: VEX statements are read from "
                        + "OpenVEX files (--vex)");
                default -> trivyField(REPORT_FIELDS.of(key));
            }
        }

        private void trivyField(final String field) throws IOException {
            switch (field) {
                case "SchemaVersion" -> schemaVersion = Optional.of(json.integer());
                case "ArtifactName" -> artifactName = json.string();
                case "ArtifactType" -> artifactType = json.string();
                case "Metadata" -> metadata = ImageMetadata.read(json);
                case "ImageID", "RepoTags", "RepoDigests" -> metadata = metadata.with(field, json);
                case "Results" -> {
                    sawResults = true;
                    results.addAll(readResultsArray());
                }
                case "ClusterName" -> {
                    kubernetes = true;
                    json.string();
                }
                case "Resources", "Findings", "Vulnerabilities", "Misconfigurations" -> {
                    kubernetes = true;
                    readResources();
                }
                default -> p.skipChildren();
            }
        }

        private TrivyDocument finish() {
            if (cdx.isCycloneDx()) {
                return new TrivyDocument(name, TrivyFormat.CYCLONEDX, List.of(cdx.report(
                        lowerMetadata.component())));
            }
            if (operatorFields || !operatorItems.isEmpty()) {
                List<ScanReport> all = new ArrayList<>(operatorItems);
                if (keys.contains("report") || (!kind.isEmpty() && !kind.endsWith("List"))) {
                    all.add(operator.with(kind, lowerMetadata).report());
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
                        + "Trivy-Operator report)");
            }
            TrivyFormat format = schemaVersion.isPresent() ? TrivyFormat.SCHEMA_2 : TrivyFormat.OBJECT_WITHOUT_SCHEMA;
            ImageMetadata meta = metadata.equals(ImageMetadata.NONE) ? lowerMetadata.image() : metadata;
            String artifact = artifactName.isEmpty() ? Naming.imageFromTargets(results) : artifactName;
            Optional<OsInfo> os = meta.os().or(() -> Naming.osFromTargets(results));
            return new TrivyDocument(name, format, List.of(new ScanReport(name, format, artifact, artifactType, os,
                    meta.imageId(), meta.repoTags(), meta.repoDigests(), Optional.empty(), results,
                    Optional.empty())));
        }

        private void readOperatorItems() throws IOException {
            if (!json.list()) {
                return;
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                operatorItems.add(Operator.read(json));
            }
        }

        private void readResources() throws IOException {
            if (!json.list()) {
                return;
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (json.object()) {
                    readResource();
                }
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
                String field = RESOURCE_FIELDS.of(p.currentName());
                p.nextToken();
                switch (field) {
                    case "Namespace" -> namespace = json.string();
                    case "Kind" -> resourceKind = json.string();
                    case "Name" -> resourceName = json.string();
                    case "Error" -> error = json.string();
                    case "Metadata" -> {
                        if (p.currentToken() == JsonToken.START_ARRAY) {
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                metas.add(ImageMetadata.read(json));
                            }
                        } else {
                            ImageMetadata m = ImageMetadata.read(json);
                            if (!m.equals(ImageMetadata.NONE)) {
                                metas.add(m);
                            }
                        }
                    }
                    case "Results" -> own.addAll(readResultsArray());
                    case "VulnerabilityID" -> throw json.refuse(json.path() + " belongs to a vulnerability, but "
                            + "this list holds the resources of a cluster scan (Namespace, Kind, Name, Results)");
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
            if (!json.list()) {
                return list;
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
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
            json.memory().result(json);
            if (json.object()) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = RESULT_FIELDS.of(p.currentName());
                    p.nextToken();
                    if (REPORT_KEYS.contains(field)) {
                        throw json.refuse(json.path() + " belongs to a whole report, but this is a result "
                                + "(Target, Class, Type and its findings): a report nested in another is not read; "
                                + "give each report as a file of its own");
                    }
                    switch (field) {
                        case "Target" -> target = json.string();
                        case "Class" -> resultClass = json.string();
                        case "Type" -> type = json.string();
                        case "Vulnerabilities" -> eachVulnerability(vulns);
                        case "Misconfigurations" -> eachFinding(() -> misconfs.add(Findings.misconfiguration(json)));
                        case "Secrets" -> eachFinding(() -> secrets.add(Findings.secret(json)));
                        case "Licenses" -> eachFinding(() -> licenses.add(Findings.license(json)));
                        default -> p.skipChildren();
                    }
                }
            }
            return new ScanResult(target, resultClass, type, vulns, misconfs, secrets, licenses);
        }

        /** Vulnerabilities are most of a large report: they are read from the token stream with no tree. */
        private void eachVulnerability(final List<Vulnerability> sink) throws IOException {
            if (!json.list()) {
                return;
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                json.memory().vulnerability(json);
                sink.add(vulnerabilityReader.read(json));
            }
        }

        /** Something read from the stream. */
        @FunctionalInterface
        private interface Step {
            void run() throws IOException;
        }

        /** Reads a list of findings, each paid for before it is read. */
        private void eachFinding(final Step step) throws IOException {
            if (!json.list()) {
                return;
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                json.memory().finding(json);
                step.run();
            }
        }

        private void expectEnd() throws IOException {
            JsonToken after = p.nextToken();
            if (after != null) {
                throw notReport("more JSON follows the report (" + ReportJson.describe(after) + ")");
            }
        }

        private InputException notReport(final String why) {
            JsonLocation at = p.currentTokenLocation();
            return new ReportException(name, "is not a Trivy report: " + why, at.getLineNr(), at.getColumnNr());
        }
    }
}
