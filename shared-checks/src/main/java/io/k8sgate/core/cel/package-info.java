/**
 * The Common Expression Language as Kubernetes uses it, for custom checks of the policy file and for
 * ValidatingAdmissionPolicies: the environment (variables, the Kubernetes CEL libraries, the gate's pod helpers),
 * views of manifests as CEL values, and the cost limits that keep a hostile expression from hanging the build.
 *
 * <p>Only this package touches the CEL library, so a run without custom checks and without admission policies loads
 * none of its classes.
 */
@NullMarked
package io.k8sgate.core.cel;

import org.jspecify.annotations.NullMarked;
