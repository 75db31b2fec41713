/** Checks of network reachability: Services, Ingresses, NetworkPolicies and Pod Security Admission labels. */
@NullMarked
package io.k8sgate.core.check.exposure;

import org.jspecify.annotations.NullMarked;
