package io.k8sgate.core.input.trivy;

import java.util.Optional;

/**
 * Shares equal CVSS data among the vulnerabilities of one report. A few vectors and scores account for most entries of
 * a large report, so the lookup works on the values as read (scores as numbers, vectors as the shared strings of the
 * same report's {@link Interner}) and builds a {@link Cvss} only for a combination not seen before. Bounded like the
 * other tables of a report (see {@link SharingTable}).
 */
final class SharedCvss {
    private final SharingTable<Cvss> table = new SharingTable<>(256);

    /** The shared CVSS data for these values; a score of 0 or less means the version has no score. */
    Cvss of(final double v2Read, final String v2Vector, final double v3Read, final String v3Vector,
            final double v40Read, final String v40Vector) {
        double v2 = score(v2Read);
        double v3 = score(v3Read);
        double v40 = score(v40Read);
        int hash = Double.hashCode(v2);
        hash = 31 * hash + v2Vector.hashCode();
        hash = 31 * hash + Double.hashCode(v3);
        hash = 31 * hash + v3Vector.hashCode();
        hash = 31 * hash + Double.hashCode(v40);
        hash = 31 * hash + v40Vector.hashCode();
        int slot = table.start(hash);
        for (int probe = 0; probe < SharingTable.MAX_PROBES; probe++, slot = table.next(slot)) {
            Cvss c = table.at(slot);
            if (c == null) {
                return table.add(slot, hash, Cvss.of(v2, v2Vector, v3, v3Vector, v40, v40Vector));
            }
            if (table.hashAt(slot) == hash && score(c.v2Score()) == v2 && score(c.v3Score()) == v3
                    && score(c.v40Score()) == v40 && c.v2Vector().equals(v2Vector)
                    && c.v3Vector().equals(v3Vector) && c.v40Vector().equals(v40Vector)) {
                return c;
            }
        }
        return Cvss.of(v2, v2Vector, v3, v3Vector, v40, v40Vector);
    }

    private static double score(final Optional<Double> score) {
        return score.isPresent() ? score.get() : 0;
    }

    /** A score as kept: 0 for none (NaN, 0 or less). */
    private static double score(final double score) {
        return score > 0 ? score : 0;
    }
}
