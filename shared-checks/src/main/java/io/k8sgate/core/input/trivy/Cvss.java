package io.k8sgate.core.input.trivy;

import java.util.Objects;
import java.util.Optional;

/**
 * The CVSS data one source gives for a vulnerability; each version is optional.
 *
 * @param v2Score  CVSS 2 base score
 * @param v2Vector CVSS 2 vector, empty when absent
 * @param v3Score  CVSS 3.x base score
 * @param v3Vector CVSS 3.x vector, empty when absent
 * @param v40Score CVSS 4.0 base score
 * @param v40Vector CVSS 4.0 vector, empty when absent
 */
public record Cvss(Optional<Double> v2Score, String v2Vector, Optional<Double> v3Score, String v3Vector,
        Optional<Double> v40Score, String v40Vector) {
    public Cvss {
        Objects.requireNonNull(v2Score, "v2Score");
        Objects.requireNonNull(v2Vector, "v2Vector");
        Objects.requireNonNull(v3Score, "v3Score");
        Objects.requireNonNull(v3Vector, "v3Vector");
        Objects.requireNonNull(v40Score, "v40Score");
        Objects.requireNonNull(v40Vector, "v40Vector");
    }

    /** CVSS data from the values as read: a score of 0 or less (or NaN) means the version has no score. */
    static Cvss of(final double v2, final String v2Vector, final double v3, final String v3Vector, final double v40,
            final String v40Vector) {
        return new Cvss(score(v2), v2Vector, score(v3), v3Vector, score(v40), v40Vector);
    }

    private static Optional<Double> score(final double score) {
        return score > 0 ? Optional.of(score) : Optional.empty();
    }

    /** The newest score this source gives: 4.0, else 3.x, else 2. */
    public Optional<Double> best() {
        return v40Score.or(() -> v3Score).or(() -> v2Score);
    }
}
