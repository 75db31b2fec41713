package io.k8sgate.core.check.image;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a vulnerability's severity comes from: Trivy's chosen {@code Severity}, one vendor's rating from
 * {@code VendorSeverity} (falling back to Trivy's when that vendor did not rate it), or the CVSS score.
 *
 * @param name {@code trivy}, {@code cvss} or a vendor name such as {@code nvd}, {@code redhat}, {@code ghsa}
 */
public record SeveritySource(String name) {
    /** Trivy's own choice. */
    public static final SeveritySource TRIVY = new SeveritySource("trivy");
    /** The CVSS base score (of the severity source, else NVD, else the highest). */
    public static final SeveritySource CVSS = new SeveritySource("cvss");

    public SeveritySource {
        Objects.requireNonNull(name, "name");
        name = name.trim().toLowerCase(Locale.ROOT);
    }

    /** True for a vendor name. */
    public boolean isVendor() {
        return !equals(TRIVY) && !equals(CVSS);
    }
}
