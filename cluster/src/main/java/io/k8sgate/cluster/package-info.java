/**
 * The live cluster: drift of a baseline version against the objects in a cluster, and rollback by server-side apply.
 */
@NullMarked
package io.k8sgate.cluster;

import org.jspecify.annotations.NullMarked;
