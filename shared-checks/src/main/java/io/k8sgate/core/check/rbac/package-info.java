/**
 * RBAC analysis: roles, aggregation, bindings and subjects resolved into effective permissions
 * ({@link io.k8sgate.core.check.rbac.RbacGraph}), the risk checks over them, and escalation paths.
 */
@NullMarked
package io.k8sgate.core.check.rbac;

import org.jspecify.annotations.NullMarked;
