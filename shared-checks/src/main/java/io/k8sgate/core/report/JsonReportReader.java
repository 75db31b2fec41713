package io.k8sgate.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads back what a front end needs from an earlier run's JSON report: the fingerprints of its findings, which make
 * that run the reference for "new findings only" (Jenkins keeps the report of every build).
 */
public final class JsonReportReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReportReader() {
    }

    /**
     * The fingerprints of every finding in the report, suppressed ones included.
     *
     * @throws IOException when the text is not a JSON report of a schema version this engine reads
     */
    public static Set<String> fingerprints(final InputStream in, final String name) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IOException(name + " is not a readable JSON report: " + e.getMessage(), e);
        }
        String version = root == null ? "" : root.path("schemaVersion").asText("");
        String major = JsonReportWriter.SCHEMA_VERSION.substring(0, JsonReportWriter.SCHEMA_VERSION.indexOf('.'));
        if (!version.equals(major) && !version.startsWith(major + ".")) {
            throw new IOException(name + " has report schema version '" + version + "'; this engine reads "
                    + major + ".x");
        }
        Set<String> fingerprints = new TreeSet<>();
        for (JsonNode finding : root.path("findings")) {
            String fingerprint = finding.path("fingerprint").asText("");
            if (fingerprint.isEmpty()) {
                throw new IOException(name + " has a finding without a fingerprint");
            }
            fingerprints.add(fingerprint);
        }
        return fingerprints;
    }
}
