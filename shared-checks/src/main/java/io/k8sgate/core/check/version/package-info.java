/** Checks of API versions against the Kubernetes version the manifests are deployed to. */
@NullMarked
package io.k8sgate.core.check.version;

import org.jspecify.annotations.NullMarked;
