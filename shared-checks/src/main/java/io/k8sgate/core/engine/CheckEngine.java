package io.k8sgate.core.engine;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.concurrent.EngineExecutor;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Location;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Runs checks over a context. A check that throws does not stop the run: its failure becomes an error diagnostic
 * naming the check, so the gate fails closed instead of silently missing what the check would have found.
 *
 * <p>Checks are stateless and the context is read-only, so they run in parallel on the engine's threads. Checks that
 * judge each object on its own ({@link io.k8sgate.core.model.CheckMetadata#objectScoped()}) run together over one
 * slice of the objects at a time: the slice's nodes are then read from the processor cache by every such check
 * instead of from memory once per check, which more than halves their time on large inputs. The other checks each
 * see the whole run. Results are collected in check order, and within a check in slice order, so the output does
 * not depend on scheduling or on the slice size.
 */
public final class CheckEngine {
    /** The most objects in one slice: enough to spread the work, few enough that a slice stays in cache. */
    static final int MAX_SLICE = 256;
    private static final int MIN_SLICE = 16;
    private final int sliceSize;
    private final EngineExecutor executor;

    /** An engine on the engine's shared threads that picks the slice size from the input size. */
    public CheckEngine() {
        this(0, EngineExecutor.shared());
    }

    /** An engine with a fixed slice size ({@code 0}: chosen per run) on the given threads. */
    CheckEngine(final int sliceSize, final EngineExecutor executor) {
        this.sliceSize = sliceSize;
        this.executor = executor;
    }

    /** Runs every given check. */
    public EngineResult run(final CheckContext context, final List<Check> checks) {
        List<Check> sliced = checks.stream().filter(c -> c.metadata().objectScoped()).toList();
        List<Task> tasks = new ArrayList<>();
        checks.stream().filter(c -> !c.metadata().objectScoped()).forEach(c -> tasks.add(new Task(List.of(c),
                context)));
        if (!sliced.isEmpty()) {
            int size = sliceSize > 0 ? sliceSize : sliceSize(context.objects().size(), executor.parallelism());
            context.slices(size).forEach(slice -> tasks.add(new Task(sliced, slice)));
        }
        List<List<Outcome>> done = executor.map(tasks, Task::evaluate);

        IdentityHashMap<Check, List<Outcome>> byCheck = new IdentityHashMap<>();
        done.forEach(outcomes -> outcomes.forEach(o -> byCheck.computeIfAbsent(o.check(), c -> new ArrayList<>())
                .add(o)));
        List<Finding> findings = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Check check : checks) {
            Optional<Diagnostic> failure = Optional.empty();
            for (Outcome o : byCheck.getOrDefault(check, List.of())) {
                findings.addAll(o.findings());
                failure = failure.or(o::failure);
            }
            failure.ifPresent(diagnostics::add); // once per check, however many slices it failed on
        }
        return new EngineResult(findings, diagnostics);
    }

    /** Slices of about a quarter of the input per thread, between {@value #MIN_SLICE} and {@value #MAX_SLICE}. */
    static int sliceSize(final int objects, final int processors) {
        int even = (objects + 4 * processors - 1) / (4 * processors);
        return Math.max(MIN_SLICE, Math.min(MAX_SLICE, even));
    }

    /** Some checks over one context. */
    private record Task(List<Check> checks, CheckContext context) {
        List<Outcome> evaluate() {
            List<Outcome> outcomes = new ArrayList<>(checks.size());
            for (Check check : checks) {
                outcomes.add(CheckEngine.evaluate(check, context));
            }
            return outcomes;
        }
    }

    private static Outcome evaluate(final Check check, final CheckContext context) {
        try {
            return new Outcome(check, check.evaluate(context), Optional.empty());
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome(check, List.of(), Optional.of(Diagnostic.error("check-failed", Location.ofFile(
                    "(check " + check.metadata().id() + ")"), "Check " + check.metadata().id() + " failed "
                    + "unexpectedly and its results are missing: " + e)));
        }
    }

    /** What one check produced over one context. */
    private record Outcome(Check check, List<Finding> findings, Optional<Diagnostic> failure) {
    }
}
