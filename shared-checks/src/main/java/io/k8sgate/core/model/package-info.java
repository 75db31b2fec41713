/** Findings, resources, locations and diagnostics: immutable values shared by every layer. */
@NullMarked
package io.k8sgate.core.model;

import org.jspecify.annotations.NullMarked;
