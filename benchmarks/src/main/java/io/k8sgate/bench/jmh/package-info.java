/** JMH microbenchmarks of the engine's hot paths. */
@NullMarked
package io.k8sgate.bench.jmh;

import org.jspecify.annotations.NullMarked;
