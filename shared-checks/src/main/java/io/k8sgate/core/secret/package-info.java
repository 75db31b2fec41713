/**
 * The one notion of a credential value in manifests, used by every layer that keeps or shows manifest values: checks
 * report credentials with it, baselines digest them, and findings and diagnostics never carry one. It depends on no
 * other package of the engine.
 */
@NullMarked
package io.k8sgate.core.secret;

import org.jspecify.annotations.NullMarked;
