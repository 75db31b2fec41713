/** The engine's facade: one entry point for every front end. */
@NullMarked
package io.k8sgate.core;

import org.jspecify.annotations.NullMarked;
