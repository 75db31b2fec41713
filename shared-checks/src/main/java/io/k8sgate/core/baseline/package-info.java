/**
 * Versioned baselines of the approved configuration: normalised resources (secret values removed), the fingerprints
 * of their findings and provenance; stores that keep them atomically; drift and finding comparisons; export.
 */
@NullMarked
package io.k8sgate.core.baseline;

import org.jspecify.annotations.NullMarked;
