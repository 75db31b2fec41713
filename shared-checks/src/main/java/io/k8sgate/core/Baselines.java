package io.k8sgate.core;

import io.k8sgate.core.baseline.Baseline;
import io.k8sgate.core.baseline.BaselineCodec;
import io.k8sgate.core.baseline.BaselineDiff;
import io.k8sgate.core.baseline.BaselineReference;
import io.k8sgate.core.baseline.BaselineStore;
import io.k8sgate.core.baseline.BaselineStores;
import io.k8sgate.core.baseline.Provenance;
import io.k8sgate.core.baseline.RedactionKey;
import io.k8sgate.core.baseline.VersionComparison;
import io.k8sgate.core.policy.GateStatus;
import io.k8sgate.core.registry.CheckRegistry;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The baseline operations every front end offers: record a version when the gate passes, compare the current inputs
 * or two versions. History, export and prune are plain calls on {@link BaselineStore} and
 * {@link io.k8sgate.core.baseline.ManifestExport}.
 */
public final class Baselines {
    private final SecurityGate gate;

    /** Operations over the given gate. */
    public Baselines(final SecurityGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /**
     * How to record.
     *
     * @param force          record even when the gate fails or some input could not be read
     * @param buildId        the CI build, if any
     * @param sourceRevision the commit of the inputs; empty to read it from the Git work tree around the root
     */
    public record RecordOptions(boolean force, Optional<String> buildId, Optional<String> sourceRevision) {
        public RecordOptions {
            Objects.requireNonNull(buildId, "buildId");
            Objects.requireNonNull(sourceRevision, "sourceRevision");
        }

        /** Record only a passing gate, no build id, revision from the work tree. */
        public static final RecordOptions DEFAULT = new RecordOptions(false, Optional.empty(), Optional.empty());
    }

    /**
     * What {@link #record} did.
     *
     * @param outcome  the gate's outcome
     * @param recorded the new version, empty when nothing was recorded
     * @param reason   why nothing was recorded, or which version was
     */
    public record RecordResult(GateOutcome outcome, Optional<Baseline> recorded, String reason) {
        public RecordResult {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(recorded, "recorded");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Runs the gate and, when it does not fail and every input was read (or when forced), records the checked
     * configuration as a new version.
     *
     * @throws io.k8sgate.core.baseline.BaselineException when the store cannot be written
     */
    public RecordResult record(final GateRequest request, final BaselineStore store, final RecordOptions options) {
        RedactionKey key = store.redactionKey();
        GateRun run = gate.runCapturing(request, key);
        GateOutcome outcome = run.outcome();
        if (!options.force()) {
            if (outcome.status() == GateStatus.FAIL) {
                return new RecordResult(outcome, Optional.empty(), "Not recorded: the gate failed ("
                        + outcome.decision().summary() + "); use force to record anyway");
            }
            if (outcome.hasInputErrors()) {
                return new RecordResult(outcome, Optional.empty(), "Not recorded: some input could not be read, "
                        + "so the configuration would be incomplete; use force to record anyway");
            }
        }
        Provenance provenance = new Provenance(request.clock().instant(),
                options.sourceRevision().or(() -> BaselineStores.sourceRevision(request.root())), options.buildId(),
                BaselineCodec.policyHash(request.policy()), ToolInfo.version());
        Baseline recorded = store.record(run.snapshot(), provenance);
        return new RecordResult(outcome, Optional.of(recorded), "Recorded baseline version " + recorded.version()
                + " in " + store.describe() + (key.isShared() ? "" : "; its secret values were digested with "
                        + key.origin() + ", so later runs cannot compare them"));
    }

    /**
     * The current inputs compared with a version of the store (the newest when {@code version} is empty).
     *
     * @throws io.k8sgate.core.baseline.BaselineException when the store or the version cannot be read
     */
    public VersionComparison diff(final GateRequest request, final BaselineStore store, final OptionalLong version) {
        Optional<Baseline> reference = new BaselineReference(store, version).load();
        GateRun run = gate.runCapturing(request, store.redactionKey());
        RetiredIds retired = RetiredIds.of(gate.registry(), run.outcome().findings(), run.replaced());
        return BaselineDiff.compare(reference.map(retired::baseline), run.snapshot());
    }

    /** Two versions compared: what changed from {@code from} to {@code to}. */
    public static VersionComparison diff(final BaselineStore store, final long from, final long to) {
        RetiredIds retired = RetiredIds.of(CheckRegistry.defaultRegistry());
        return BaselineDiff.compare(OptionalLong.of(from), retired.snapshot(store.read(from).content()),
                retired.snapshot(store.read(to).content()));
    }
}
