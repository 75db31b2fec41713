/**
 * What the front ends call: {@link io.k8sgate.core.frontend.GateOptions} (every option, one set of defaults) in,
 * {@link io.k8sgate.core.frontend.GateRunner} runs, a {@link io.k8sgate.core.frontend.GateReport} (outcome, reports,
 * console summary, verdict) out. It sits on top of the engine: the facade, the store lookup and the report writers.
 */
@NullMarked
package io.k8sgate.core.frontend;

import org.jspecify.annotations.NullMarked;
