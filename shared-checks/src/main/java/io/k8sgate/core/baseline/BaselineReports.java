package io.k8sgate.core.baseline;

import io.k8sgate.core.model.BaselineComparison;
import io.k8sgate.core.model.BaselineComparison.Change;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.model.RuleIds;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.model.Suppression;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns a comparison with a baseline version into the form the reports show ({@link BaselineComparison}). */
public final class BaselineReports {
    private BaselineReports() {
    }

    /**
     * The reports' view of a comparison.
     *
     * @param reference  the version compared with, empty when the store holds none yet
     * @param comparison the comparison
     * @param current    the run's findings
     * @param checks     the metadata of a check by id, to describe fixed findings
     */
    public static BaselineComparison of(final Optional<Baseline> reference,
            final VersionComparison comparison, final List<Finding> current,
            final Function<String, Optional<CheckMetadata>> checks) {
        String name = reference.map(b -> "baseline v" + b.version() + " (recorded "
                + b.metadata().recordedAt().truncatedTo(ChronoUnit.SECONDS)
                + b.metadata().sourceRevision().map(r -> ", revision " + r.substring(0, Math.min(12, r.length())))
                        .orElse("")
                + b.metadata().buildId().map(id -> ", build " + id).orElse("") + ")")
                .orElse("baseline (no version recorded yet)");
        Set<String> known = reference.map(Baseline::fingerprints).orElse(Set.of());
        Set<String> outstanding = current.stream().map(Finding::fingerprint).filter(known::contains)
                .collect(Collectors.toSet());
        List<Finding> fixed = comparison.fixed().stream().map(f -> fixedFinding(f, name, checks)).toList();
        List<Change> drift = new ArrayList<>();
        comparison.drift().added().forEach(r -> drift.add(new Change(Change.Kind.ADDED, r, "", "", "")));
        comparison.drift().removed().forEach(r -> drift.add(new Change(Change.Kind.REMOVED, r, "", "", "")));
        for (ResourceChange c : comparison.drift().changed()) {
            for (FieldChange f : c.fields()) {
                drift.add(new Change(Change.Kind.CHANGED, c.resource(), f.path(), f.before().orElse(""),
                        f.after().orElse(""), f.security().orElse("")));
            }
        }
        return new BaselineComparison(name, outstanding, fixed, drift);
    }

    private static Finding fixedFinding(final BaselineFinding f, final String reference,
            final Function<String, Optional<CheckMetadata>> checks) {
        Optional<CheckMetadata> meta = checks.apply(f.checkId());
        Severity severity = Severity.parse(f.severity()).orElse(Severity.INFO);
        Finding finding = new Finding(f.checkId(), meta.map(CheckMetadata::title).orElse(f.checkId()), severity,
                meta.map(CheckMetadata::category).orElse(categoryOf(f.checkId())), f.resource(), f.container(),
                Location.ofFile(reference), f.fieldPath(), "Found in " + reference + "; fixed since",
                meta.map(CheckMetadata::remediation).orElse(""), meta.map(CheckMetadata::references)
                        .orElse(List.of()), meta.map(CheckMetadata::equivalents).orElse(Map.of()), f.fingerprint(),
                Optional.<Suppression>empty(), Map.of());
        return finding;
    }

    /** The category of a check the run no longer has: the team's own rules keep theirs. */
    private static Category categoryOf(final String checkId) {
        return RuleIds.isCustom(checkId) || RuleIds.isAdmission(checkId) ? Category.CUSTOM : Category.WORKLOAD;
    }
}
