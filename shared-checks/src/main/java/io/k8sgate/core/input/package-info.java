/** Reading inputs: YAML and JSON manifests with positions, and the Kubernetes object model over them. */
@NullMarked
package io.k8sgate.core.input;

import org.jspecify.annotations.NullMarked;
