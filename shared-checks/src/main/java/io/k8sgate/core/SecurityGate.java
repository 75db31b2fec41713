package io.k8sgate.core;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.CheckRegistry;
import io.k8sgate.core.engine.CheckEngine;
import io.k8sgate.core.engine.EngineResult;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.LoadResult;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.ResourceRef;
import io.k8sgate.core.policy.Decision;
import io.k8sgate.core.policy.Exemptions;
import io.k8sgate.core.policy.Policy;
import io.k8sgate.core.policy.PolicyEvaluator;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one entry point for every front end: load, check, exempt, decide. Reports are written from the returned
 * {@link GateOutcome} by the writers in {@code io.k8sgate.core.report}.
 */
public final class SecurityGate {
    /** Orders findings most severe first, then by resource, check and place. */
    public static final Comparator<Finding> FINDING_ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::resource).thenComparing(Finding::checkId).thenComparing(Finding::container)
            .thenComparing(f -> f.location().file()).thenComparingInt(f -> f.location().line())
            .thenComparing(Finding::fieldPath);

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

    /** The ids the policy may name. */
    public Set<String> checkIds() {
        Set<String> ids = new java.util.TreeSet<>();
        registry.all().forEach(c -> ids.add(c.metadata().id()));
        return ids;
    }

    /** Runs the gate. */
    public GateOutcome run(final GateRequest request) {
        Policy policy = request.policy();
        LoadResult loaded = loader.load(request.root(), request.manifests());
        List<Diagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());

        List<Check> enabled = registry.all().stream().filter(c -> policy.isEnabled(c.metadata())).toList();
        CheckContext context = CheckContext.of(loaded.objects(), policy.checkSettings());
        EngineResult result = new CheckEngine().run(context, enabled);
        diagnostics.addAll(result.diagnostics());

        Map<String, CheckMetadata> byId = new HashMap<>();
        enabled.forEach(c -> byId.put(c.metadata().id(), c.metadata()));
        List<Finding> findings = new ArrayList<>();
        for (Finding f : result.findings()) {
            CheckMetadata meta = byId.get(f.checkId());
            findings.add(meta == null ? f : f.withSeverity(policy.severityOf(meta)));
        }
        LocalDate today = LocalDate.ofInstant(request.clock().instant(), ZoneOffset.UTC);
        findings = new ArrayList<>(Exemptions.apply(findings, loaded.objects(), policy, today, diagnostics));
        findings.sort(FINDING_ORDER);

        Decision decision = PolicyEvaluator.decide(findings, diagnostics, policy, request.reference());
        List<ResourceRef> resources = loaded.objects().stream().map(K8sObject::ref).toList();
        return new GateOutcome(ToolInfo.version(), request.clock().instant(), policy, loaded.files(), resources,
                enabled.stream().map(Check::metadata).toList(), findings, diagnostics, decision);
    }
}
