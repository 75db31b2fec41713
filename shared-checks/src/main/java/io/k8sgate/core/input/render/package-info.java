/**
 * Sources that must be rendered before they are Kubernetes objects: Helm charts and Kustomize directories. The
 * renderers hand back YAML text with, for every rendered line, the file and line a person edits.
 */
@NullMarked
package io.k8sgate.core.input.render;

import org.jspecify.annotations.NullMarked;
