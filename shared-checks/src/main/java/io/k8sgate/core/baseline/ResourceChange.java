package io.k8sgate.core.baseline;

import io.k8sgate.core.model.ResourceRef;
import java.util.List;
import java.util.Objects;

/**
 * An object present on both sides whose fields differ.
 *
 * @param resource the object
 * @param fields   the fields that differ, in path order
 */
public record ResourceChange(ResourceRef resource, List<FieldChange> fields) {
    public ResourceChange {
        Objects.requireNonNull(resource, "resource");
        fields = List.copyOf(fields);
    }

    /** The security-relevant changes. */
    public List<FieldChange> securityChanges() {
        return fields.stream().filter(f -> f.security().isPresent()).toList();
    }
}
