/** Checks of pod specifications: the Pod Security Standards controls and hardening. */
@NullMarked
package io.k8sgate.core.check.workload;

import org.jspecify.annotations.NullMarked;
