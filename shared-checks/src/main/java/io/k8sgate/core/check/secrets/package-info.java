/** Checks for credentials written into manifests outside Secrets. */
@NullMarked
package io.k8sgate.core.check.secrets;

import org.jspecify.annotations.NullMarked;
