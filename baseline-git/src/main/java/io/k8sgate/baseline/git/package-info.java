/** A baseline store in a Git repository, so history, review and rollback use Git. */
@NullMarked
package io.k8sgate.baseline.git;

import org.jspecify.annotations.NullMarked;
