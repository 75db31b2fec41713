package io.k8sgate.core.input.trivy;

import java.util.List;
import java.util.Objects;

/**
 * The findings for one target of a scan (the OS packages of an image, a lock file, a config file ...).
 *
 * @param target            what was scanned: {@code "alpine:3.10 (alpine 3.10.2)"}, a lock file, a Dockerfile
 * @param resultClass       "os-pkgs", "lang-pkgs", "config", "secret", "license" ...;
 *                          empty in old reports
 * @param type              the OS family, the package ecosystem or the config type; empty when absent
 * @param vulnerabilities   vulnerabilities
 * @param misconfigurations configuration findings
 * @param secrets           secrets (without their values)
 * @param licenses          licences
 */
public record ScanResult(String target, String resultClass, String type, List<Vulnerability> vulnerabilities,
        List<Misconfiguration> misconfigurations, List<SecretFinding> secrets, List<LicenseFinding> licenses) {
    public ScanResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(resultClass, "resultClass");
        Objects.requireNonNull(type, "type");
        vulnerabilities = List.copyOf(vulnerabilities);
        misconfigurations = List.copyOf(misconfigurations);
        secrets = List.copyOf(secrets);
        licenses = List.copyOf(licenses);
    }

    /** True for the OS packages of an image. */
    public boolean isOsPackages() {
        return "os-pkgs".equals(resultClass);
    }
}
