package io.k8sgate.core.model;

import java.util.List;
import java.util.Objects;

/**
 * An object identity (kind, namespace, name) defined more than once in the inputs with different content. Findings
 * about each definition keep their own fingerprint, so that neither hides the other.
 *
 * @param resource    the identity
 * @param definitions where each definition is, in apply order (the last one wins when they are applied together)
 * @param conflict    true when the definitions come from the same set of files or the same rendered source, so that
 *                    applying them lets the last one replace the others; false when they come from different charts
 *                    or kustomizations, which are usually different environments
 */
public record DuplicateObject(ResourceRef resource, List<Location> definitions, boolean conflict) {
    public DuplicateObject {
        Objects.requireNonNull(resource, "resource");
        definitions = List.copyOf(definitions);
    }
}
