package io.k8sgate.core.cel;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The cost one evaluation of a policy may still spend, and what its policy has spent over the run. A budget belongs
 * to one evaluation on one thread; the run's account is shared by every evaluation of the policy.
 */
public final class CostBudget {
    private final CostLimits limits;
    private final AtomicLong runSpent;
    private long remaining;

    private CostBudget(final CostLimits limits, final AtomicLong runSpent) {
        this.limits = limits;
        this.runSpent = runSpent;
        this.remaining = limits.perEvaluation();
    }

    /** A fresh evaluation budget charged to the given run account. */
    public static CostBudget of(final CostLimits limits, final RunAccount account) {
        return new CostBudget(limits, account.spent);
    }

    /** The limits. */
    public CostLimits limits() {
        return limits;
    }

    /** What is left for this evaluation. */
    public long remaining() {
        return remaining;
    }

    /** Fails when the policy has spent its budget for the run. */
    void checkRun() throws EvaluationException {
        if (runSpent.get() > limits.perRun()) {
            throw new EvaluationException(EvaluationException.Kind.RUN_BUDGET, "the policy spent more than its CEL "
                    + "cost budget for the whole run (" + limits.perRun() + " units): the objects after this one "
                    + "were not evaluated");
        }
    }

    /** Charges what an expression spent. */
    void charge(final long cost) {
        remaining -= cost;
        runSpent.addAndGet(cost);
    }

    /** What one policy has spent over a run, shared by its evaluations on every thread. */
    public static final class RunAccount {
        private final AtomicLong spent = new AtomicLong();

        /** The units spent so far. */
        public long spent() {
            return spent.get();
        }
    }
}
