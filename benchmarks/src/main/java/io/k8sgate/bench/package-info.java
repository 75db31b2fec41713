/** Input generators and benchmarks: the scale benchmark command and JMH microbenchmarks. */
@NullMarked
package io.k8sgate.bench;

import org.jspecify.annotations.NullMarked;
