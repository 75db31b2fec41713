/** The policy file, exemptions, and the gate decision. */
@NullMarked
package io.k8sgate.core.policy;

import org.jspecify.annotations.NullMarked;
