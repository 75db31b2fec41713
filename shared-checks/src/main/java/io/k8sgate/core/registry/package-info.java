/**
 * The catalogue of checks: the explicit list of every built-in check ({@link io.k8sgate.core.registry.CheckRegistry})
 * and its Markdown rendering. It sits above the check packages it names, so that the check API does not depend on
 * the checks.
 */
@NullMarked
package io.k8sgate.core.registry;

import org.jspecify.annotations.NullMarked;
