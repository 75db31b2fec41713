/**
 * Renders Helm charts in-process with Helm's own Go library (through helm-java), offline and with hooks, and maps
 * each rendered line back to the template line that wrote it. Registered as the engine's
 * {@link io.k8sgate.core.input.render.HelmRenderer} service.
 */
@NullMarked
package io.k8sgate.helm;

import org.jspecify.annotations.NullMarked;
