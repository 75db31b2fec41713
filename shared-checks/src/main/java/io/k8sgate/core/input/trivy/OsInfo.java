package io.k8sgate.core.input.trivy;

import java.util.Objects;

/**
 * The base operating system of a scanned image.
 *
 * @param family the OS family ({@code alpine}, {@code debian}, ...)
 * @param name   the version ({@code 3.10.2})
 * @param eosl   true when Trivy marked the release as end of service life
 */
public record OsInfo(String family, String name, boolean eosl) {
    public OsInfo {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(name, "name");
    }

    /** {@code family name}. */
    public String display() {
        return (family + " " + name).trim();
    }
}
