/**
 * The RBAC model: roles, aggregation, bindings and subjects resolved into effective permissions
 * ({@link io.k8sgate.core.rbac.RbacGraph}), the risky permissions, and escalation paths. The RBAC checks in
 * {@code io.k8sgate.core.check.rbac} report over it; tools and benchmarks can use it without running any check.
 */
@NullMarked
package io.k8sgate.core.rbac;

import org.jspecify.annotations.NullMarked;
