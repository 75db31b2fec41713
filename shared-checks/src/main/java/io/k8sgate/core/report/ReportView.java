package io.k8sgate.core.report;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.model.BaselineComparison;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingOrder;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.policy.GateStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the HTML page and the Markdown summary show, computed once from an outcome: the findings that count split
 * into vulnerabilities of deployed images (grouped by image), vulnerabilities of other scans (grouped by what was
 * scanned), risky RBAC subjects (grouped by subject) and everything else (grouped by resource); the findings behind
 * the decision; and the comparison with the baseline.
 */
final class ReportView {
    private final GateOutcome outcome;
    private final List<Finding> active;
    private final List<Finding> suppressed;
    private final List<Group> resources;
    private final List<Group> images;
    private final List<Group> artifacts;
    private final List<Group> subjects;

    ReportView(final GateOutcome outcome) {
        this.outcome = outcome;
        this.active = outcome.findings().stream().filter(f -> !f.isSuppressed()).toList();
        this.suppressed = outcome.findings().stream().filter(Finding::isSuppressed).toList();
        List<Finding> vulnerabilities = new ArrayList<>();
        List<Finding> scanned = new ArrayList<>();
        List<Finding> rbac = new ArrayList<>();
        List<Finding> other = new ArrayList<>();
        for (Finding f : active) {
            if (isVulnerability(f)) {
                vulnerabilities.add(f);
            } else if (isArtifactVulnerability(f)) {
                scanned.add(f);
            } else if (isRbacSubject(f)) {
                rbac.add(f);
            } else {
                other.add(f);
            }
        }
        this.resources = group(other, f -> f.resource().display());
        this.images = group(vulnerabilities, f -> f.properties().get(FindingProperties.IMAGE));
        this.artifacts = group(scanned, f -> f.properties().get(FindingProperties.ARTIFACT));
        this.subjects = group(rbac, f -> f.properties().get(FindingProperties.SUBJECT));
    }

    static boolean isVulnerability(final Finding f) {
        return f.category() == Category.IMAGE && !property(f, FindingProperties.IMAGE).isEmpty();
    }

    /** A vulnerability of a scan that is not of a deployed image (a file system, a repository, an SBOM). */
    static boolean isArtifactVulnerability(final Finding f) {
        return f.category() == Category.IMAGE && !property(f, FindingProperties.ARTIFACT).isEmpty()
                && !property(f, FindingProperties.VULNERABILITY_ID).isEmpty();
    }

    static boolean isRbacSubject(final Finding f) {
        return f.category() == Category.RBAC && !property(f, FindingProperties.SUBJECT).isEmpty();
    }

    /** A property's value, empty when absent. */
    static String property(final Finding f, final String name) {
        return f.properties().getOrDefault(name, "");
    }

    /** A list-valued property split into its items. */
    static List<String> listProperty(final Finding f, final String name, final String separator) {
        String value = property(f, name).trim();
        if (value.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(value.split(java.util.regex.Pattern.quote(separator.trim()))).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    GateOutcome outcome() {
        return outcome;
    }

    /** Findings that are not suppressed, most severe first. */
    List<Finding> active() {
        return active;
    }

    List<Finding> suppressed() {
        return suppressed;
    }

    /** Findings grouped by resource (vulnerabilities and RBAC subjects left out), worst group first. */
    List<Group> resources() {
        return resources;
    }

    /** Vulnerabilities grouped by image, worst image first. */
    List<Group> images() {
        return images;
    }

    /** Vulnerabilities of scans that are not of a deployed image, grouped by what was scanned, worst first. */
    List<Group> artifacts() {
        return artifacts;
    }

    /**
     * The same vulnerabilities grouped by the workload that runs the image (a finding appears under every workload
     * that deploys its image), worst workload first, then by name.
     */
    List<Group> workloads() {
        Map<String, List<Finding>> byWorkload = new LinkedHashMap<>();
        for (Group image : images) {
            for (Finding f : image.findings()) {
                for (String w : listProperty(f, FindingProperties.WORKLOADS, FindingProperties.SEPARATOR)) {
                    byWorkload.computeIfAbsent(w, k -> new ArrayList<>()).add(f);
                }
            }
        }
        List<Group> groups = new ArrayList<>();
        byWorkload.forEach((w, list) -> {
            List<Finding> sorted = new ArrayList<>(list);
            sorted.sort(FindingOrder.MOST_SEVERE_FIRST);
            groups.add(new Group(w, sorted));
        });
        groups.sort(Comparator.comparing(Group::worst).thenComparing(Group::key));
        return groups;
    }

    /** RBAC findings grouped by subject, worst subject first. */
    List<Group> subjects() {
        return subjects;
    }

    Optional<BaselineComparison> baseline() {
        return outcome.baseline();
    }

    /** True when a baseline is known and the finding is not in it. */
    boolean isNew(final Finding f) {
        return outcome.baseline().map(b -> b.isNew(f)).orElse(false);
    }

    List<Finding> newFindings() {
        return active.stream().filter(this::isNew).toList();
    }

    long outstandingCount() {
        return outcome.baseline().map(b -> active.stream().filter(f -> !b.isNew(f)).count()).orElse(0L);
    }

    /** Findings that are not suppressed, by severity (every severity present). */
    Map<Severity, Integer> counts() {
        return count(active);
    }

    /** The findings that made the gate fail or warn: the blocking ones for FAIL, those over warnOn for WARN. */
    List<Finding> decisive() {
        GateStatus status = outcome.status();
        if (status == GateStatus.FAIL) {
            Set<String> blocking = new HashSet<>(outcome.decision().blocking());
            Optional<Severity> threshold = outcome.policy().failOn();
            return active.stream().filter(f -> blocking.contains(f.fingerprint()))
                    .filter(f -> threshold.map(t -> f.severity().isAtLeast(t)).orElse(true)).toList();
        }
        if (status == GateStatus.WARN && outcome.policy().warnOn().isPresent()) {
            Severity threshold = outcome.policy().warnOn().get();
            boolean newOnly = outcome.policy().newFindingsOnly() && outcome.baseline().isPresent();
            return active.stream().filter(f -> f.severity().isAtLeast(threshold))
                    .filter(f -> !newOnly || isNew(f)).toList();
        }
        return List.of();
    }

    List<Diagnostic> inputErrors() {
        return outcome.diagnostics().stream().filter(Diagnostic::isError).toList();
    }

    /** Diagnostics, errors first. */
    List<Diagnostic> diagnostics() {
        return outcome.diagnostics().stream().sorted(Comparator.comparing(Diagnostic::level)).toList();
    }

    static Map<Severity, Integer> count(final List<Finding> findings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        return counts;
    }

    private static List<Group> group(final List<Finding> findings, final Function<Finding, String> key) {
        Map<String, List<Finding>> byKey = new LinkedHashMap<>();
        for (Finding f : findings) {
            byKey.computeIfAbsent(key.apply(f), k -> new ArrayList<>()).add(f);
        }
        List<Group> groups = new ArrayList<>();
        byKey.forEach((k, list) -> {
            list.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::checkId)
                    .thenComparing(f -> f.location().file()).thenComparingInt(f -> f.location().line())
                    .thenComparing(Finding::fieldPath));
            groups.add(new Group(k, list));
        });
        groups.sort(Comparator.comparing(Group::worst).thenComparing(g -> -g.findings().size())
                .thenComparing(Group::key));
        return List.copyOf(groups);
    }

    /**
     * Findings that belong together (one resource, one image or one subject).
     *
     * @param key      what they have in common, as shown
     * @param findings the findings, most severe first
     */
    record Group(String key, List<Finding> findings) {
        Group {
            findings = List.copyOf(findings);
        }

        Severity worst() {
            return findings.get(0).severity();
        }

        Map<Severity, Integer> counts() {
            return count(findings);
        }

        /** How many of the findings a package upgrade fixes (they name a fixed version). */
        long fixable() {
            return findings.stream().filter(f -> !property(f, FindingProperties.FIXED_VERSION).isBlank()).count();
        }

        /** The files the findings point into, in order of appearance. */
        Set<String> files() {
            Set<String> files = new LinkedHashSet<>();
            findings.forEach(f -> files.add(f.location().file()));
            return files;
        }

        /** The distinct values of a list-valued property over all findings. */
        Set<String> union(final String property, final String separator) {
            Set<String> all = new LinkedHashSet<>();
            findings.forEach(f -> all.addAll(listProperty(f, property, separator)));
            return all;
        }
    }
}
