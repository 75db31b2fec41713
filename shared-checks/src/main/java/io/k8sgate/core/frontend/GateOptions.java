package io.k8sgate.core.frontend;

import io.k8sgate.core.GateRequest;
import io.k8sgate.core.baseline.DirectoryStore;
import io.k8sgate.core.baseline.StoreLocation;
import io.k8sgate.core.input.InputOptions;
import io.k8sgate.core.input.render.ChartSettings;
import io.k8sgate.core.input.render.RenderOptions;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.policy.ConfigurationException;
import io.k8sgate.core.policy.InputPolicy;
import io.k8sgate.core.policy.Policy;
import io.k8sgate.core.policy.PolicyLoader;
import io.k8sgate.core.policy.PolicyOverrides;
import io.k8sgate.core.policy.WorkspacePaths;
import io.k8sgate.core.report.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Everything a user can set on a front end (command line options, Maven parameters, Jenkins step arguments), with
 * the one set of defaults every front end shares. Built with {@link #builder(Path)}: a front end passes each of its
 * parameters as the user set it (null or blank when unset) and leaves the rest to the defaults, which live here only.
 *
 * <p>To add an option: a component here, its default and setter in {@link Builder}, its use in {@link GateRunner}
 * (or in {@link #toRequest}), and one parameter in each front end.
 *
 * @param root             the workspace: reports name files relative to it, and inputs, the policy file and a
 *                         baseline directory stay inside it (unless {@code confineToRoot} is off)
 * @param manifests        files, directories, globs, Helm charts and kustomization directories, relative to the root
 *                         or absolute; default: none named, so the inputs the policy lists ({@code inputs:}), else
 *                         {@code defaultManifests}
 * @param policyFile       the policy file, relative to the root or absolute, inside the root; default:
 *                         {@value #IMPLICIT_POLICY} in the root when present, the built-in policy otherwise
 * @param failOn           overrides the policy's failOn: a severity or {@code NONE}
 * @param warnOn           overrides the policy's warnOn: a severity or {@code NONE}
 * @param failOnInputError overrides the policy's failOnInputError
 * @param newFindingsOnly  overrides the policy's newFindingsOnly
 * @param enableAll        turns every check on, optional ones included
 * @param baseline         the baseline store a run is compared with and baseline goals record into: a directory
 *                         (relative to the root), a Git URL (with the Git store module), or {@value #NO_BASELINE};
 *                         default: {@value #DEFAULT_BASELINE_STORE}, compared with only when it exists
 * @param baselineVersion  the version compared with; default: the newest
 * @param baselineBranch   the branch of a Git store; default: the module's
 * @param reference        fingerprints of a reference run's findings (the last successful build's report): with
 *                         newFindingsOnly they do not count either
 * @param trivyReports     Trivy-compatible scan reports (files or globs), relative to the root
 * @param trivyIgnoreFiles {@code .trivyignore} / {@code .trivyignore.yaml} files, relative to the root
 * @param vexFiles         OpenVEX documents, relative to the root
 * @param charts           Helm charts to render and check (directories holding {@code Chart.yaml}), besides the
 *                         manifests; default: none
 * @param valuesFiles      values files for the charts, as {@code helm template -f}, in order; default: the policy's
 *                         for the chart
 * @param setValues        values for the charts, as {@code helm template --set key=value}, in order after the values
 *                         files; default: the policy's for the chart. Reports name the keys, never the values
 * @param release          the release name the charts are rendered with; default: the policy's, or
 *                         {@value ChartSettings#DEFAULT_RELEASE}
 * @param namespace        the namespace the inputs are deployed to: namespaced objects of every input that name none
 *                         are checked in it, and charts are rendered for it; default: the policy's for a chart, or
 *                         none ({@code .Release.Namespace} is then {@value ChartSettings#DEFAULT_NAMESPACE}, and an
 *                         object that copies it names none)
 * @param kustomizeCommand the command that renders a kustomization directory ({@code kubectl kustomize}); default:
 *                         the policy's, or the first of {@code kustomize} and {@code kubectl} on the PATH
 * @param confineToRoot    whether every input must stay inside the root (a CI workspace); default: true. Off, each
 *                         named path (and the policy file) is honoured wherever it is, and only what a walked
 *                         directory links to must stay inside that directory
 * @param defaultManifests what is read when neither the front end nor the policy names any input; default:
 *                         {@link #DEFAULT_MANIFESTS}, the whole root (the Maven plugin: its default folders)
 * @param admissionPolicies files, directories and globs, relative to the root, of the cluster's admission
 *                         configuration: ValidatingAdmissionPolicies, their bindings and params, evaluated against the
 *                         manifests (policies among the manifests are evaluated too)
 * @param formats          the reports to write, in this order; default: {@link #DEFAULT_FORMATS}
 * @param outputDirectory  where reports are written; default: {@value #DEFAULT_OUTPUT_DIRECTORY} in the root
 * @param consoleFindings  how many findings the console summary lists; default: {@value #DEFAULT_CONSOLE_FINDINGS}
 * @param clock            the clock for report times and exception expiry; default: the system clock
 * @param environment      where a baseline store reads credentials and the redaction key of secret values from
 *                         (a CI build's variables, handed to the agent that runs the gate); default: the process
 *                         environment. Its values are never shown
 */
public record GateOptions(Path root, List<String> manifests, Optional<Path> policyFile, Optional<String> failOn,
        Optional<String> warnOn, Optional<Boolean> failOnInputError, Optional<Boolean> newFindingsOnly,
        boolean enableAll, Optional<String> baseline, OptionalLong baselineVersion, Optional<String> baselineBranch,
        Set<String> reference, List<String> trivyReports, List<String> trivyIgnoreFiles, List<String> vexFiles,
        List<String> charts, List<String> valuesFiles, List<String> setValues, Optional<String> release,
        Optional<String> namespace, Optional<String> kustomizeCommand, boolean confineToRoot,
        List<String> defaultManifests, List<String> admissionPolicies, List<ReportFormat> formats,
        Path outputDirectory, int consoleFindings, Clock clock, Map<String, String> environment) {
    /** The manifests checked when neither the front end nor the policy names any: the whole root. */
    public static final List<String> DEFAULT_MANIFESTS = List.of(".");
    /** The policy file looked for in the root when none is named. */
    public static final String IMPLICIT_POLICY = "k8s-security.yaml";
    /** The baseline value that compares with no store. */
    public static final String NO_BASELINE = "none";
    /** The baseline store used when none is named, relative to the root. */
    public static final String DEFAULT_BASELINE_STORE = DirectoryStore.DEFAULT_DIRECTORY;
    /** The reports written when no format is named. */
    public static final List<ReportFormat> DEFAULT_FORMATS = List.of(ReportFormat.HTML, ReportFormat.JSON,
            ReportFormat.SARIF);
    /** Where reports go when no directory is named, relative to the root. */
    public static final String DEFAULT_OUTPUT_DIRECTORY = "k8s-security-reports";
    /** How many findings the console summary lists when not told otherwise. */
    public static final int DEFAULT_CONSOLE_FINDINGS = 25;

    public GateOptions {
        root = root.toAbsolutePath().normalize();
        manifests = List.copyOf(manifests);
        Objects.requireNonNull(policyFile, "policyFile");
        Objects.requireNonNull(failOn, "failOn");
        Objects.requireNonNull(warnOn, "warnOn");
        Objects.requireNonNull(failOnInputError, "failOnInputError");
        Objects.requireNonNull(newFindingsOnly, "newFindingsOnly");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(baselineVersion, "baselineVersion");
        Objects.requireNonNull(baselineBranch, "baselineBranch");
        reference = Set.copyOf(reference);
        trivyReports = List.copyOf(trivyReports);
        trivyIgnoreFiles = List.copyOf(trivyIgnoreFiles);
        vexFiles = List.copyOf(vexFiles);
        charts = List.copyOf(charts);
        valuesFiles = List.copyOf(valuesFiles);
        setValues = List.copyOf(setValues);
        for (String assignment : setValues) {
            if (assignment.indexOf('=') <= 0) {
                throw new ConfigurationException(Location.ofFile("set " + assignment), "A set value is written "
                        + "KEY=VALUE, such as image.tag=1.2.3");
            }
        }
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(kustomizeCommand, "kustomizeCommand");
        defaultManifests = List.copyOf(defaultManifests);
        admissionPolicies = List.copyOf(admissionPolicies);
        formats = List.copyOf(new LinkedHashSet<>(formats));
        outputDirectory = root.resolve(outputDirectory).normalize();
        if (consoleFindings < 0) {
            throw new ConfigurationException(Location.ofFile("consoleFindings"), "The number of findings to list "
                    + "must not be negative (got " + consoleFindings + ")");
        }
        Objects.requireNonNull(clock, "clock");
        environment = Map.copyOf(environment);
    }

    /** Options with every default: the whole root, under the policy found there. */
    public static GateOptions of(final Path root) {
        return builder(root).build();
    }

    /** A builder with every default, for a run in {@code root}. */
    public static Builder builder(final Path root) {
        return new Builder(root);
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The request for the engine: the policy read strictly, then the overrides applied; no baseline store yet
     * ({@link GateRunner} opens it).
     *
     * @param knownCheckIds the ids the policy may name
     * @throws ConfigurationException when the policy file is missing, outside the root or wrong, or an override is
     *                                not a threshold
     */
    public GateRequest toRequest(final Set<String> knownCheckIds) {
        Policy policy = new PolicyOverrides(failOn, warnOn, newFindingsOnly, failOnInputError)
                .applyTo(policy(knownCheckIds));
        if (enableAll) {
            policy = policy.withEnableAll(true);
        }
        InputPolicy listed = policy.inputs();
        RenderOptions render = new RenderOptions(new ChartSettings(release, namespace, valuesFiles, setValues),
                listed.chartSettings(), kustomizeCommand.or(listed::kustomizeCommand),
                policy.targetKubernetesVersion().major() + "." + policy.targetKubernetesVersion().minor());
        return new GateRequest(root, inputs(listed), policy, clock, trivyReports, trivyIgnoreFiles, vexFiles,
                Optional.empty(), reference, new InputOptions(confineToRoot, listed.nonKubernetesIsError(), render),
                admissionPolicies);
    }

    /**
     * What the run reads: the manifests and charts the front end names; without any, those the policy lists; without
     * those either, the front end's default.
     */
    private List<String> inputs(final InputPolicy listed) {
        List<String> named = new ArrayList<>(manifests);
        named.addAll(charts);
        if (named.isEmpty()) {
            named.addAll(listed.paths());
        }
        return named.isEmpty() ? defaultManifests : named;
    }

    /**
     * The policy file that applies: the named one, or {@value #IMPLICIT_POLICY} in the root when it exists.
     *
     * @throws ConfigurationException when the named file is outside the root
     */
    public Optional<Path> effectivePolicyFile() {
        if (policyFile.isPresent()) {
            return Optional.of(confineToRoot ? WorkspacePaths.inside(root, policyFile.get().toString(),
                    "The policy file") : root.resolve(policyFile.get()).normalize());
        }
        Path implicit = root.resolve(IMPLICIT_POLICY);
        return Files.isRegularFile(implicit) ? Optional.of(implicit) : Optional.empty();
    }

    /**
     * The store a run is compared with: the named one (which must then be readable, or the gate fails closed), the
     * default directory when it exists, none for {@value #NO_BASELINE}.
     */
    public Optional<StoreLocation> comparedStore() {
        if (baseline.isEmpty()) {
            Path implicit = root.resolve(DEFAULT_BASELINE_STORE);
            return Files.isDirectory(implicit) ? Optional.of(location(DEFAULT_BASELINE_STORE)) : Optional.empty();
        }
        return NO_BASELINE.equals(baseline.get()) ? Optional.empty() : Optional.of(location(baseline.get()));
    }

    /**
     * The store baseline goals work on (record, history, diff, export, prune): the named one or the default.
     *
     * @throws ConfigurationException when the baseline is {@value #NO_BASELINE}
     */
    public StoreLocation store() {
        if (baseline.isPresent() && NO_BASELINE.equals(baseline.get())) {
            throw new ConfigurationException(Location.ofFile("baseline"), "The baseline is '" + NO_BASELINE
                    + "': name a baseline store to work on");
        }
        return location(baseline.orElse(DEFAULT_BASELINE_STORE));
    }

    private StoreLocation location(final String location) {
        return new StoreLocation(location, root, baselineBranch, environment);
    }

    private Policy policy(final Set<String> knownCheckIds) {
        Optional<Path> file = effectivePolicyFile();
        if (policyFile.isPresent() && !Files.isRegularFile(file.orElseThrow())) {
            throw new ConfigurationException(Location.ofFile(policyFile.get().toString()),
                    "The policy file does not exist");
        }
        return file.map(new PolicyLoader(knownCheckIds)::load).orElse(Policy.DEFAULT);
    }

    /**
     * Every option, the environment's values and the set values' values left out: they may hold credentials (a
     * chart's password given with {@code --set}); the keys are shown.
     */
    @Override
    public String toString() {
        return "GateOptions" + Arrays.stream(GateOptions.class.getRecordComponents())
                .map(c -> c.getName() + "=" + switch (c.getName()) {
                    case "environment" -> environment.size() + " variable(s)";
                    case "setValues" -> setValues.stream().map(v -> ChartSettings.key(v) + "=...").toList();
                    default -> value(c);
                })
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private Object value(final java.lang.reflect.RecordComponent component) {
        try {
            return component.getAccessor().invoke(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read option " + component.getName(), e);
        }
    }

    /**
     * Collects options; every setter takes the value a front end holds, {@code null} or blank meaning "not set"
     * (the default, or the policy's setting, applies).
     */
    public static final class Builder {
        private final Path root;
        private List<String> manifests = List.of();
        private Optional<Path> policyFile = Optional.empty();
        private Optional<String> failOn = Optional.empty();
        private Optional<String> warnOn = Optional.empty();
        private Optional<Boolean> failOnInputError = Optional.empty();
        private Optional<Boolean> newFindingsOnly = Optional.empty();
        private boolean enableAll;
        private Optional<String> baseline = Optional.empty();
        private OptionalLong baselineVersion = OptionalLong.empty();
        private Optional<String> baselineBranch = Optional.empty();
        private Set<String> reference = Set.of();
        private List<String> trivyReports = List.of();
        private List<String> trivyIgnoreFiles = List.of();
        private List<String> vexFiles = List.of();
        private List<String> charts = List.of();
        private List<String> valuesFiles = List.of();
        private List<String> setValues = List.of();
        private Optional<String> release = Optional.empty();
        private Optional<String> namespace = Optional.empty();
        private Optional<String> kustomizeCommand = Optional.empty();
        private boolean confineToRoot = true;
        private List<String> defaultManifests = DEFAULT_MANIFESTS;
        private List<String> admissionPolicies = List.of();
        private List<ReportFormat> formats = DEFAULT_FORMATS;
        private Path outputDirectory = Path.of(DEFAULT_OUTPUT_DIRECTORY);
        private int consoleFindings = DEFAULT_CONSOLE_FINDINGS;
        private Clock clock = Clock.systemUTC();
        private Map<String, String> environment = System.getenv();

        private Builder(final Path root) {
            this.root = Objects.requireNonNull(root, "root");
        }

        private Builder(final GateOptions o) {
            this.root = o.root;
            manifests = o.manifests;
            policyFile = o.policyFile;
            failOn = o.failOn;
            warnOn = o.warnOn;
            failOnInputError = o.failOnInputError;
            newFindingsOnly = o.newFindingsOnly;
            enableAll = o.enableAll;
            baseline = o.baseline;
            baselineVersion = o.baselineVersion;
            baselineBranch = o.baselineBranch;
            reference = o.reference;
            trivyReports = o.trivyReports;
            trivyIgnoreFiles = o.trivyIgnoreFiles;
            vexFiles = o.vexFiles;
            charts = o.charts;
            valuesFiles = o.valuesFiles;
            setValues = o.setValues;
            release = o.release;
            namespace = o.namespace;
            kustomizeCommand = o.kustomizeCommand;
            confineToRoot = o.confineToRoot;
            defaultManifests = o.defaultManifests;
            admissionPolicies = o.admissionPolicies;
            formats = o.formats;
            outputDirectory = o.outputDirectory;
            consoleFindings = o.consoleFindings;
            clock = o.clock;
            environment = o.environment;
        }

        /**
         * Manifest files, directories, globs, charts and kustomizations; none (or only blanks) keeps the default: the
         * policy's inputs, else the default manifests.
         */
        public Builder manifests(final @Nullable Collection<@Nullable String> values) {
            this.manifests = texts(values);
            return this;
        }

        /** The policy file, relative to the root or absolute. */
        public Builder policyFile(final @Nullable Path file) {
            this.policyFile = Optional.ofNullable(file).filter(f -> !f.toString().isBlank());
            return this;
        }

        /** Overrides the policy's failOn. */
        public Builder failOn(final @Nullable String threshold) {
            this.failOn = text(threshold);
            return this;
        }

        /** Overrides the policy's warnOn. */
        public Builder warnOn(final @Nullable String threshold) {
            this.warnOn = text(threshold);
            return this;
        }

        /** Overrides the policy's failOnInputError. */
        public Builder failOnInputError(final @Nullable Boolean failClosed) {
            this.failOnInputError = Optional.ofNullable(failClosed);
            return this;
        }

        /** Overrides the policy's newFindingsOnly. */
        public Builder newFindingsOnly(final @Nullable Boolean newOnly) {
            this.newFindingsOnly = Optional.ofNullable(newOnly);
            return this;
        }

        /** Turns every check on. */
        public Builder enableAll(final boolean all) {
            this.enableAll = all;
            return this;
        }

        /** The baseline store: a directory, a Git URL, or {@value #NO_BASELINE}. */
        public Builder baseline(final @Nullable String location) {
            this.baseline = text(location);
            return this;
        }

        /** The baseline version compared with. */
        public Builder baselineVersion(final @Nullable Long version) {
            this.baselineVersion = version == null ? OptionalLong.empty() : OptionalLong.of(version);
            return this;
        }

        /** The branch of a Git store. */
        public Builder baselineBranch(final @Nullable String branch) {
            this.baselineBranch = text(branch);
            return this;
        }

        /** Fingerprints of a reference run's findings. */
        public Builder reference(final Set<String> fingerprints) {
            this.reference = Set.copyOf(fingerprints);
            return this;
        }

        /** Trivy-compatible scan reports. */
        public Builder trivyReports(final @Nullable Collection<@Nullable String> reports) {
            this.trivyReports = texts(reports);
            return this;
        }

        /** Trivy ignore files. */
        public Builder trivyIgnoreFiles(final @Nullable Collection<@Nullable String> files) {
            this.trivyIgnoreFiles = texts(files);
            return this;
        }

        /** OpenVEX documents. */
        public Builder vexFiles(final @Nullable Collection<@Nullable String> files) {
            this.vexFiles = texts(files);
            return this;
        }

        /** Helm charts to render and check, besides the manifests. */
        public Builder charts(final @Nullable Collection<@Nullable String> directories) {
            this.charts = texts(directories);
            return this;
        }

        /** Values files for the charts, in order. */
        public Builder valuesFiles(final @Nullable Collection<@Nullable String> files) {
            this.valuesFiles = texts(files);
            return this;
        }

        /** {@code --set} values for the charts ({@code key=value}), in order. */
        public Builder setValues(final @Nullable Collection<@Nullable String> assignments) {
            this.setValues = texts(assignments);
            return this;
        }

        /** The release name the charts are rendered with. */
        public Builder release(final @Nullable String name) {
            this.release = text(name);
            return this;
        }

        /** The namespace the charts are rendered for. */
        public Builder namespace(final @Nullable String name) {
            this.namespace = text(name);
            return this;
        }

        /** The command that renders kustomizations ({@code kubectl kustomize}). */
        public Builder kustomizeCommand(final @Nullable String command) {
            this.kustomizeCommand = text(command);
            return this;
        }

        /** Whether every input must stay inside the root. */
        public Builder confineToRoot(final boolean confine) {
            this.confineToRoot = confine;
            return this;
        }

        /**
         * What is read when neither the front end nor the policy names any input; {@code null} keeps the default (the
         * whole root), an empty collection reads nothing (the gate then says there is nothing to check).
         */
        public Builder defaultManifests(final @Nullable Collection<@Nullable String> values) {
            this.defaultManifests = values == null ? DEFAULT_MANIFESTS : texts(values);
            return this;
        }

        /** Files, directories and globs of ValidatingAdmissionPolicies, their bindings and params. */
        public Builder admissionPolicies(final @Nullable Collection<@Nullable String> inputs) {
            this.admissionPolicies = texts(inputs);
            return this;
        }

        /** The reports to write; an empty collection writes none, {@code null} keeps the default. */
        public Builder formats(final @Nullable Collection<ReportFormat> chosen) {
            this.formats = chosen == null ? DEFAULT_FORMATS : List.copyOf(chosen);
            return this;
        }

        /**
         * The reports to write, by name ({@code html}, {@code json}, {@code sarif}, {@code junit}, {@code md});
         * none (or only blanks) keeps the default.
         *
         * @throws ConfigurationException naming an unknown format
         */
        public Builder formatNames(final @Nullable Collection<@Nullable String> names) {
            List<String> given = texts(names);
            return formats(given.isEmpty() ? null : ReportFormat.parseAll(given));
        }

        /** Where reports are written, relative to the root or absolute. */
        public Builder outputDirectory(final @Nullable Path directory) {
            this.outputDirectory = directory == null || directory.toString().isBlank()
                    ? Path.of(DEFAULT_OUTPUT_DIRECTORY) : directory;
            return this;
        }

        /** How many findings the console summary lists. */
        public Builder consoleFindings(final int count) {
            this.consoleFindings = count;
            return this;
        }

        /** The clock for report times and exception expiry. */
        public Builder clock(final Clock newClock) {
            this.clock = Objects.requireNonNull(newClock, "clock");
            return this;
        }

        /** Where a baseline store reads credentials and the redaction key from, instead of the process environment. */
        public Builder environment(final Map<String, String> variables) {
            this.environment = Map.copyOf(variables);
            return this;
        }

        /**
         * The options.
         *
         * @throws ConfigurationException when the root is not a directory
         */
        public GateOptions build() {
            if (!Files.isDirectory(root)) {
                throw new ConfigurationException(Location.ofFile(root.toString()), "The root is not a directory");
            }
            return new GateOptions(root, manifests, policyFile, failOn, warnOn, failOnInputError, newFindingsOnly,
                    enableAll, baseline, baselineVersion, baselineBranch, reference, trivyReports, trivyIgnoreFiles,
                    vexFiles, charts, valuesFiles, setValues, release, namespace, kustomizeCommand, confineToRoot,
                    defaultManifests, admissionPolicies, formats, outputDirectory, consoleFindings, clock, environment);
        }

        private static Optional<String> text(final @Nullable String value) {
            return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
        }

        private static List<String> texts(final @Nullable Collection<@Nullable String> values) {
            return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(String::trim)
                    .filter(v -> !v.isEmpty()).toList();
        }
    }
}
