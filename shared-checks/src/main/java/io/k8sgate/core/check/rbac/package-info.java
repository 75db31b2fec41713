/**
 * The RBAC checks: each reports one kind of risky permission or binding over the run's
 * {@link io.k8sgate.core.rbac.RbacGraph}, in the same way ({@link io.k8sgate.core.check.rbac.RbacFindings}).
 */
@NullMarked
package io.k8sgate.core.check.rbac;

import org.jspecify.annotations.NullMarked;
