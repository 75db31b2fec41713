package io.k8sgate.core.input.trivy;

import java.util.Objects;

/**
 * A failed configuration check of a config or filesystem scan.
 *
 * @param id         the check id ({@code DS002}, {@code KSV-0001}, ...)
 * @param avdId      the older AVD id ({@code AVD-DS-0002}), empty when absent
 * @param type       the kind of check ({@code Dockerfile Security Check})
 * @param title      the check's title
 * @param message    what is wrong here
 * @param resolution how to fix it
 * @param severity   the severity
 * @param primaryUrl the check's page, empty when absent
 * @param status     {@code FAIL}, {@code PASS} or {@code EXCEPTION}
 * @param startLine  first line in the scanned file, 0 when unknown
 * @param endLine    last line, 0 when unknown
 */
public record Misconfiguration(String id, String avdId, String type, String title, String message, String resolution,
        TrivySeverity severity, String primaryUrl, String status, int startLine, int endLine) {
    public Misconfiguration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(avdId, "avdId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(primaryUrl, "primaryUrl");
        Objects.requireNonNull(status, "status");
    }

    /** True for a failed check (passes and exceptions are only listed with {@code --include-non-failures}). */
    public boolean isFailure() {
        return status.isEmpty() || "FAIL".equals(status);
    }
}
