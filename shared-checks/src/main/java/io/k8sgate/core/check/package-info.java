/** The check API (a check, its context and settings) and the checks grouped by area; the catalogue of checks is
 * {@code io.k8sgate.core.registry.CheckRegistry}. */
@NullMarked
package io.k8sgate.core.check;

import org.jspecify.annotations.NullMarked;
