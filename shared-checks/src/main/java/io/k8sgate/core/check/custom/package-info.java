/**
 * Custom checks: rules a team writes in CEL in its policy file ({@code customChecks:}), evaluated on every object
 * they match and reported like built-in checks.
 */
@NullMarked
package io.k8sgate.core.check.custom;

import org.jspecify.annotations.NullMarked;
