/** Runs checks over a context and isolates their failures. */
@NullMarked
package io.k8sgate.core.engine;

import org.jspecify.annotations.NullMarked;
