package io.k8sgate.core.input.trivy;

import io.k8sgate.core.input.ImageRef;
import io.k8sgate.core.model.Suppression;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The scan reports of a run and the suppressions that apply to them (Trivy's ignore files and OpenVEX statements).
 * Attached to the check context by the gate.
 *
 * @param documents the report files read
 * @param ignores   entries of the ignore files
 * @param vex       VEX statements
 * @param today     the day expiry is judged on
 */
public record TrivyReports(List<TrivyDocument> documents, List<IgnoreRule> ignores, List<VexStatement> vex,
        LocalDate today) {
    /** Source name of suppressions that come from an ignore file. */
    public static final String SOURCE_IGNORE = "trivyignore";
    /** Source name of suppressions that come from VEX. */
    public static final String SOURCE_VEX = "vex";

    public TrivyReports {
        documents = List.copyOf(documents);
        ignores = List.copyOf(ignores);
        vex = List.copyOf(vex);
        Objects.requireNonNull(today, "today");
    }

    /** Reports only, nothing suppressed. */
    public static TrivyReports of(final List<TrivyDocument> documents, final LocalDate today) {
        return new TrivyReports(documents, List.of(), List.of(), today);
    }

    /** Every scanned artifact of every file. */
    public Stream<ScanReport> reports() {
        return documents.stream().flatMap(d -> d.reports().stream());
    }

    /** Why a vulnerability does not count, if an ignore entry or a VEX statement says so. */
    public Optional<Suppression> forVulnerability(final ScanResult result, final Vulnerability v,
            final Optional<ImageRef> image) {
        for (IgnoreRule r : ignores) {
            if (r.appliesTo(IgnoreRule.Kind.VULNERABILITY) && r.id().equals(v.id()) && r.isActive(today)
                    && r.matchesPath(result.target(), v.pkgPath()) && r.matchesPurl(v.purl())) {
                return Optional.of(ignored(r));
            }
        }
        VexStatement last = null;
        for (VexStatement s : vex) {
            if (s.covers(v.id(), v.purl(), image)) {
                last = s;
            }
        }
        if (last != null && last.suppresses()) {
            String why = last.status() + (last.justification().isEmpty() ? "" : ": " + last.justification())
                    + (last.impact().isEmpty() ? "" : " (" + last.impact() + ")");
            return Optional.of(new Suppression(SOURCE_VEX, last.author(), why, Optional.empty(), last.origin()));
        }
        return Optional.empty();
    }

    /** Why a configuration finding does not count (its id or AVD id is ignored). */
    public Optional<Suppression> forMisconfiguration(final ScanResult result, final Misconfiguration m) {
        return first(IgnoreRule.Kind.MISCONFIGURATION, result.target(), m.id(), m.avdId());
    }

    /** Why a secret finding does not count. */
    public Optional<Suppression> forSecret(final ScanResult result, final SecretFinding s) {
        return first(IgnoreRule.Kind.SECRET, result.target(), s.ruleId());
    }

    /** Why a licence finding does not count. */
    public Optional<Suppression> forLicense(final ScanResult result, final LicenseFinding l) {
        for (IgnoreRule r : ignores) {
            if (r.appliesTo(IgnoreRule.Kind.LICENSE) && r.id().equals(l.name()) && r.isActive(today)
                    && r.matchesPath(result.target(), l.filePath())) {
                return Optional.of(ignored(r));
            }
        }
        return Optional.empty();
    }

    private Optional<Suppression> first(final IgnoreRule.Kind kind, final String target, final String... ids) {
        for (IgnoreRule r : ignores) {
            if (r.appliesTo(kind) && r.isActive(today) && r.matchesPath(target)
                    && Stream.of(ids).anyMatch(id -> !id.isEmpty() && id.equals(r.id()))) {
                return Optional.of(ignored(r));
            }
        }
        return Optional.empty();
    }

    private static Suppression ignored(final IgnoreRule r) {
        return new Suppression(SOURCE_IGNORE, "", r.statement().isEmpty() ? "listed in " + r.origin().file()
                : r.statement(), r.expiresAt().map(d -> d.minusDays(1)), r.origin());
    }
}
