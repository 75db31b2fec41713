package io.k8sgate.core.input.trivy;

import java.util.List;
import java.util.Objects;

/**
 * One report file as read.
 *
 * @param file    the file, relative to the root
 * @param format  the shape it was recognised as
 * @param reports the artifacts it describes (none for an empty legacy report)
 */
public record TrivyDocument(String file, TrivyFormat format, List<ScanReport> reports) {
    public TrivyDocument {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        reports = List.copyOf(reports);
    }

    /** How many vulnerabilities the file holds. */
    public long vulnerabilityCount() {
        return reports.stream().mapToLong(r -> r.vulnerabilities().count()).sum();
    }
}
