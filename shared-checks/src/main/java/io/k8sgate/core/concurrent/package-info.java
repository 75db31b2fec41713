/** The engine's own bounded threads, shared by every run in a JVM; the bottom layer, depending on nothing else. */
@NullMarked
package io.k8sgate.core.concurrent;

import org.jspecify.annotations.NullMarked;
