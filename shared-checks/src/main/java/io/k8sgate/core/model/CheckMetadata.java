package io.k8sgate.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a check is, independently of any input: identity, default severity, guidance and cross-references.
 *
 * <p>Built fluently from {@link #of}; every {@code with...} method returns a new value.
 *
 * @param id               stable id {@code K8S-<AREA>-<NNN>}, never reused
 * @param title            a short name
 * @param severity         the default severity (a policy may override it)
 * @param category         the area
 * @param description      why it matters
 * @param remediation      what to do
 * @param references       URLs
 * @param since            the tool version that introduced the check
 * @param pssLevel         the Pod Security Standards profile, {@link PssLevel#NONE} when not a PSS control
 * @param cisSection       the CIS Kubernetes Benchmark section, empty when none applies
 * @param equivalents      ids of the same control in other tools, by tool name ({@code trivy}, {@code checkov},
 *                         {@code kube-linter}, {@code kube-score}, {@code polaris}, {@code kubescape})
 * @param enabledByDefault false for optional checks that the policy (or {@code --enable-all}) must turn on
 * @param objectScoped     true when what the check reports about an object depends on that object alone (with the
 *                         settings and attached scan reports), never on other objects of the run: the engine may then
 *                         evaluate it on a slice of the objects at a time (see {@code CheckEngine})
 * @param options          the options the policy may set for the check ({@code checks.<id>.options}), by name, to
 *                         what each does; the policy loader refuses any other
 * @param retiredOptions   options the check no longer reads, by name, to what replaces them; the policy loader warns
 *                         about each use
 * @param overrides        the checks whose findings give way to this check's finding on the same item (the engine's
 *                         {@code FindingOverrides}), as Pod Security Admission's {@code OverrideCheckIDs}
 */
public record CheckMetadata(String id, String title, Severity severity, Category category, String description,
        String remediation, List<String> references, String since, PssLevel pssLevel, String cisSection,
        Map<String, List<String>> equivalents, boolean enabledByDefault, boolean objectScoped,
        Map<String, String> options, Map<String, String> retiredOptions, List<CheckOverride> overrides) {
    /** The pattern every check id follows. */
    public static final Pattern ID_PATTERN = Pattern.compile("K8S-[A-Z]{2,5}-\\d{3}");
    /** The version this release introduces checks in. */
    public static final String CURRENT_VERSION = "0.1.0";

    public CheckMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(remediation, "remediation");
        references = List.copyOf(references);
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(pssLevel, "pssLevel");
        Objects.requireNonNull(cisSection, "cisSection");
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        equivalents.forEach((tool, ids) -> sorted.put(tool, List.copyOf(ids)));
        equivalents = Collections.unmodifiableMap(sorted);
        options = Collections.unmodifiableMap(new TreeMap<>(options));
        retiredOptions = Collections.unmodifiableMap(new TreeMap<>(retiredOptions));
        overrides = List.copyOf(overrides);
    }

    /** Starts the metadata of a check; the other fields are added with the {@code with...} methods. */
    public static CheckMetadata of(final String id, final String title, final Severity severity,
            final Category category) {
        return new CheckMetadata(id, title, severity, category, "", "", List.of(), CURRENT_VERSION, PssLevel.NONE, "",
                Map.of(), true, false, Map.of(), Map.of(), List.of());
    }

    /** Adds the description and the remediation. */
    public CheckMetadata withText(final String newDescription, final String newRemediation) {
        return new CheckMetadata(id, title, severity, category, newDescription, newRemediation, references, since,
                pssLevel, cisSection, equivalents, enabledByDefault, objectScoped, options, retiredOptions, overrides);
    }

    /** Adds reference URLs. */
    public CheckMetadata withReferences(final String... urls) {
        List<String> all = new ArrayList<>(references);
        all.addAll(List.of(urls));
        return new CheckMetadata(id, title, severity, category, description, remediation, all, since, pssLevel,
                cisSection, equivalents, enabledByDefault, objectScoped, options, retiredOptions, overrides);
    }

    /** Marks the check as a Pod Security Standards control of the given profile. */
    public CheckMetadata withPss(final PssLevel level) {
        return new CheckMetadata(id, title, severity, category, description, remediation, references, since, level,
                cisSection, equivalents, enabledByDefault, objectScoped, options, retiredOptions, overrides);
    }

    /** Names the CIS Kubernetes Benchmark section. */
    public CheckMetadata withCis(final String section) {
        return new CheckMetadata(id, title, severity, category, description, remediation, references, since,
                pssLevel, section, equivalents, enabledByDefault, objectScoped, options, retiredOptions, overrides);
    }

    /** Adds the ids of the same control in another tool. */
    public CheckMetadata withEquivalent(final String tool, final String... ids) {
        Map<String, List<String>> all = new TreeMap<>(equivalents);
        List<String> merged = new ArrayList<>(all.getOrDefault(tool, List.of()));
        merged.addAll(List.of(ids));
        all.put(tool, merged);
        return new CheckMetadata(id, title, severity, category, description, remediation, references, since,
                pssLevel, cisSection, all, enabledByDefault, objectScoped, options, retiredOptions, overrides);
    }

    /** Makes the check optional: off unless the policy or {@code --enable-all} turns it on. */
    public CheckMetadata optional() {
        return new CheckMetadata(id, title, severity, category, description, remediation, references, since,
                pssLevel, cisSection, equivalents, false, objectScoped, options, retiredOptions, overrides);
    }

    /** Declares an option the policy may set for the check, and what it does. */
    public CheckMetadata withOption(final String name, final String effect) {
        Map<String, String> all = new TreeMap<>(options);
        all.put(name, effect);
        return new CheckMetadata(id, title, severity, category, description, remediation, references, since,
                pssLevel, cisSection, equivalents, enabledByDefault, objectScoped, all, retiredOptions, overrides);
    }

    /**
     * Declares an option the check no longer reads, and what replaces it: a policy that still sets it gets a warning
     * naming the replacement instead of silently losing the setting.
     */
    public CheckMetadata withRetiredOption(final String name, final String replacement) {
        Map<String, String> all = new TreeMap<>(retiredOptions);
        all.put(name, replacement);
        return new CheckMetadata(id, title, severity, category, description, remediation, references, since,
                pssLevel, cisSection, equivalents, enabledByDefault, objectScoped, options, all, overrides);
    }

    /**
     * Declares that the check judges each object on its own (see {@link #objectScoped()}); CheckEngineTest verifies
     * the declaration for every check that makes it.
     */
    public CheckMetadata withObjectScope() {
        return new CheckMetadata(id, title, severity, category, description, remediation, references, since,
                pssLevel, cisSection, equivalents, enabledByDefault, true, options, retiredOptions, overrides);
    }

    /**
     * Declares that this check's finding replaces the finding of check {@code weakerId} on the same item: the other
     * check's finding is then not reported, and this one names it in {@link FindingProperties#ALSO_VIOLATES}.
     */
    public CheckMetadata withOverride(final String weakerId, final CheckOverride.Item item, final String what) {
        List<CheckOverride> all = new ArrayList<>(overrides);
        all.add(new CheckOverride(weakerId, item, what));
        return new CheckMetadata(id, title, severity, category, description, remediation, references, since,
                pssLevel, cisSection, equivalents, enabledByDefault, objectScoped, options, retiredOptions, all);
    }
}
