package io.k8sgate.core;

import io.k8sgate.core.baseline.Baseline;
import io.k8sgate.core.baseline.BaselineDiff;
import io.k8sgate.core.baseline.BaselineException;
import io.k8sgate.core.baseline.BaselineReference;
import io.k8sgate.core.baseline.BaselineReports;
import io.k8sgate.core.baseline.RedactionKey;
import io.k8sgate.core.baseline.Snapshot;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.admission.AdmissionChecks;
import io.k8sgate.core.check.image.ImageSettings;
import io.k8sgate.core.check.image.ImageUsage;
import io.k8sgate.core.concurrent.EngineExecutor;
import io.k8sgate.core.engine.CheckEngine;
import io.k8sgate.core.engine.EngineResult;
import io.k8sgate.core.engine.FindingOverrides;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.LoadResult;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.input.MemoryBudget;
import io.k8sgate.core.input.SourceMap;
import io.k8sgate.core.input.trivy.TrivyInputLoader;
import io.k8sgate.core.input.trivy.TrivyReports;
import io.k8sgate.core.model.BaselineComparison;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingOrder;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.model.ResourceRef;
import io.k8sgate.core.policy.Decision;
import io.k8sgate.core.policy.Exemptions;
import io.k8sgate.core.policy.Policy;
import io.k8sgate.core.policy.PolicyEvaluator;
import io.k8sgate.core.registry.CheckRegistry;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one entry point for every front end: load, check, exempt, decide. Reports are written from the returned
 * {@link GateOutcome} by the writers in {@code io.k8sgate.core.report}.
 */
public final class SecurityGate {
    private final CheckRegistry registry;
    private final ManifestLoader loader;

    /** A gate over the built-in checks. */
    public SecurityGate() {
        this(CheckRegistry.defaultRegistry(), new ManifestLoader());
    }

    /** A gate over the given checks and loader. */
    public SecurityGate(final CheckRegistry registry, final ManifestLoader loader) {
        this.registry = registry;
        this.loader = loader;
    }

    /** The catalogue the gate runs. */
    CheckRegistry registry() {
        return registry;
    }

    /** The ids the policy may name. */
    public Set<String> checkIds() {
        Set<String> ids = new java.util.TreeSet<>();
        registry.all().forEach(c -> ids.add(c.metadata().id()));
        return ids;
    }

    /** Runs the gate. */
    public GateOutcome run(final GateRequest request) {
        return execute(request, Optional.empty()).outcome();
    }

    /** Runs the gate and keeps the normalised configuration it checked, for recording a baseline version. */
    public GateRun runCapturing(final GateRequest request) {
        return runCapturing(request, RedactionKey.standard());
    }

    /** Runs the gate and keeps the normalised configuration it checked, secret values digested with {@code key}. */
    public GateRun runCapturing(final GateRequest request, final RedactionKey key) {
        return execute(request, Optional.of(key));
    }

    /**
     * The objects of the request's admission policy inputs (none when it names none), files that are also among the
     * manifests left out, as they are read there. They are paid for from the run's memory budget like the manifests.
     */
    private List<K8sObject> admissionConfiguration(final GateRequest request, final LoadResult manifests,
            final MemoryBudget budget, final List<Diagnostic> diagnostics) {
        if (request.admissionPolicies().isEmpty()) {
            return List.of();
        }
        LoadResult read = loader.load(request.root(), request.admissionPolicies(), request.inputs(), budget);
        read.diagnostics().stream().filter(d -> !LoadResult.NO_OBJECTS.equals(d.code())).forEach(diagnostics::add);
        if (!AdmissionChecks.present(read.objects())) {
            diagnostics.add(Diagnostic.warning("admission-policies-none", Location.ofFile(String.join(", ",
                    request.admissionPolicies())), "No ValidatingAdmissionPolicy or binding was found in the "
                            + "admission policies (" + read.files().size() + " file(s) read): nothing is evaluated "
                            + "from them"));
        }
        Set<String> checked = Set.copyOf(manifests.files());
        return read.objects().stream().filter(o -> !checked.contains(o.file())).toList();
    }

    private GateRun execute(final GateRequest request, final Optional<RedactionKey> capture) {
        Policy policy = request.policy();
        MemoryBudget budget = MemoryBudget.ofHeap(); // one for the run: every input shares the heap
        LoadResult loaded = loader.load(request.root(), request.manifests(), request.inputs(), budget);
        List<Diagnostic> diagnostics = new ArrayList<>(policy.warnings());
        diagnostics.addAll(loaded.diagnostics());

        LocalDate today = LocalDate.ofInstant(request.clock().instant(), ZoneOffset.UTC);

        List<Check> enabled = new ArrayList<>(registry.all().stream().filter(c -> policy.isEnabled(c.metadata()))
                .toList());
        OwnRules ownRules = OwnRules.of(policy, loaded.objects(), admissionConfiguration(request, loaded,
                budget, diagnostics), request.root(), loaded.sources(), diagnostics);
        enabled.addAll(ownRules.checks());
        CheckContext context = CheckContext.of(loaded.objects(), policy.checkSettings())
                .with(ImageSettings.class, policy.images()).with(SourceMap.class, loaded.sources());
        diagnostics.addAll(context.model().diagnostics());
        if (!request.trivyReports().isEmpty() || !request.trivyIgnoreFiles().isEmpty()
                || !request.vexFiles().isEmpty()) {
            context = context.with(TrivyReports.class, new TrivyInputLoader(budget).load(request.root(),
                    request.trivyReports(), request.trivyIgnoreFiles(), request.vexFiles(), today, diagnostics::add));
            diagnostics.addAll(ImageUsage.of(context).notes());
        }
        EngineResult result = new CheckEngine().run(context, enabled);
        diagnostics.addAll(result.diagnostics());
        diagnostics.addAll(ownRules.diagnostics());

        Map<String, CheckMetadata> byId = new HashMap<>();
        enabled.forEach(c -> byId.put(c.metadata().id(), c.metadata()));
        List<Finding> findings = new ArrayList<>();
        for (Finding f : result.findings()) {
            CheckMetadata meta = byId.get(f.checkId());
            // only an explicit override replaces a severity: image checks compute one per finding
            if (meta != null && policy.checks().containsKey(meta.id())
                    && policy.checks().get(meta.id()).severity().isPresent()) {
                findings.add(f.withSeverity(policy.severityOf(meta)));
            } else {
                findings.add(f);
            }
        }
        // one item, one finding: before exemptions, so that exempting the finding that remains covers the item
        FindingOverrides.Result overridden = FindingOverrides.apply(findings, enabled.stream().map(Check::metadata)
                .toList());
        Set<String> replaced = RenderedFindings.place(overridden.replaced(), loaded).stream()
                .map(Finding::fingerprint).collect(Collectors.toSet());
        Finding[] ordered = RenderedFindings.place(Exemptions.apply(overridden.findings(), loaded.objects(), policy,
                today, diagnostics), loaded).toArray(Finding[]::new);
        RenderedFindings.place(diagnostics, loaded.sources());
        EngineExecutor.shared().sort(ordered, FindingOrder.MOST_SEVERE_FIRST); // stable, on the engine's threads
        findings = Arrays.asList(ordered);

        // recording needs the snapshot (and its redaction key) or fails as a store error; a comparison reports both
        Snapshot snapshot = capture.isPresent() ? Snapshot.of(loaded.objects(), findings, capture.get())
                : new Snapshot(List.of(), List.of());
        Set<String> reference = Set.of();
        RetiredIds retired = RetiredIds.of(registry, findings, replaced);
        Optional<BaselineComparison> comparison = Optional.empty();
        if (request.baseline().isPresent()) {
            BaselineReference baseline = request.baseline().get();
            try {
                if (capture.isEmpty()) {
                    snapshot = Snapshot.of(loaded.objects(), findings, baseline.store().redactionKey());
                }
                Optional<Baseline> version = baseline.load().map(retired::baseline);
                reference = version.map(Baseline::fingerprints).orElse(Set.of());
                comparison = Optional.of(BaselineReports.of(version, BaselineDiff.compare(version, snapshot),
                        findings, id -> Optional.ofNullable(byId.get(id)).or(() -> registry.byId(id)
                                .map(Check::metadata))));
            } catch (BaselineException e) {
                diagnostics.add(Diagnostic.error("baseline-unreadable", Location.ofFile(baseline.store().describe()),
                        e.getMessage()));
            }
        }

        if (!request.reference().isEmpty()) {
            Set<String> union = new java.util.HashSet<>(reference);
            union.addAll(retired.reference(request.reference()));
            reference = union;
        }
        Decision decision = PolicyEvaluator.decide(findings, diagnostics, policy, reference);
        List<ResourceRef> resources = loaded.objects().stream().map(K8sObject::ref).toList();
        return new GateRun(new GateOutcome(ToolInfo.version(), request.clock().instant(), policy, loaded.files(),
                resources, enabled.stream().map(Check::metadata).toList(), findings, diagnostics, decision,
                comparison, loaded.inputs()), snapshot, replaced);
    }
}
