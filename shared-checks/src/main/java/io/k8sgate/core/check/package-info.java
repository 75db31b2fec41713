/** The check API, the registry, and the checks grouped by area. */
@NullMarked
package io.k8sgate.core.check;

import org.jspecify.annotations.NullMarked;
