/**
 * ValidatingAdmissionPolicies and their bindings, found among the inputs, evaluated before deploy against the
 * objects they match with the API server's semantics: each object is a CREATE of its resource.
 */
@NullMarked
package io.k8sgate.core.check.admission;

import org.jspecify.annotations.NullMarked;
