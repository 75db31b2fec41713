package io.k8sgate.core.cel;

/**
 * How much CEL work one expression, one evaluation of a policy, and one policy over a whole run may do, in the API
 * server's cost units (about one unit per operation, plus one per ten characters or elements a function produces).
 *
 * @param perExpression one evaluation of one expression (the API server's per-call limit)
 * @param perEvaluation every expression of one policy evaluated for one object, variables and messages included
 *                      (the API server's runtime cost budget of one admission request)
 * @param perRun        one policy over every object of a run: the API server judges one request at a time, the gate
 *                      judges thousands, so a policy that spends near its limit on each of them is stopped here
 */
public record CostLimits(long perExpression, long perEvaluation, long perRun) {
    /**
     * The API server's limits (per call 1,000,000; per request 10,000,000), and 100,000,000 per policy and run: the
     * CEL interpreter for Java takes about a microsecond per unit in loops, so a hostile policy costs a run at most
     * about a minute and a half of one core before it is stopped.
     */
    public static final CostLimits KUBERNETES = new CostLimits(1_000_000L, 10_000_000L, 100_000_000L);

    public CostLimits {
        if (perExpression <= 0 || perEvaluation <= 0 || perRun <= 0) {
            throw new IllegalArgumentException("cost limits must be positive");
        }
    }
}
