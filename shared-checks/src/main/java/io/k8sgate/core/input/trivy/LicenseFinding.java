package io.k8sgate.core.input.trivy;

import java.util.Objects;

/**
 * A licence a scan classified.
 *
 * @param name     the SPDX id or expression
 * @param pkgName  the package, empty for a licence found in a file
 * @param filePath the file, empty when absent
 * @param category {@code forbidden}, {@code restricted}, {@code reciprocal}, {@code notice}, ...
 * @param severity the severity Trivy gives the category
 * @param link     a link to the licence text, empty when absent
 */
public record LicenseFinding(String name, String pkgName, String filePath, String category, TrivySeverity severity,
        String link) {
    public LicenseFinding {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pkgName, "pkgName");
        Objects.requireNonNull(filePath, "filePath");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(link, "link");
    }
}
