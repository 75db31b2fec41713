package io.k8sgate.core.model;

import java.util.Objects;

/**
 * A file or document of a walked directory that was left out because it is not a Kubernetes object a cluster would
 * receive: a CI configuration, a {@code package.json}, documentation YAML, a file in a kustomization's folder that the
 * kustomization does not use. Every report lists these, so that nothing is left out silently.
 *
 * @param location the file (and line of the document, where it has one)
 * @param reason   why it was left out, for a person
 */
public record SkippedInput(Location location, String reason) {
    public SkippedInput {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
    }
}
