/**
 * The engine's facade: {@link io.k8sgate.core.SecurityGate} runs a {@link io.k8sgate.core.GateRequest} into a
 * {@link io.k8sgate.core.GateOutcome}. Front ends reach it through {@code io.k8sgate.core.frontend}, which sits on top
 * of it and of the report writers.
 */
@NullMarked
package io.k8sgate.core;

import org.jspecify.annotations.NullMarked;
