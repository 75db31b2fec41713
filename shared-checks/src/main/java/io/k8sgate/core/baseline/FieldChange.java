package io.k8sgate.core.baseline;

import java.util.Objects;
import java.util.Optional;

/**
 * One field that differs between two versions of an object.
 *
 * @param path     the field, such as {@code spec.template.spec.containers[name=web].image}
 * @param before   its value before as JSON text, empty when it was not set
 * @param after    its value after as JSON text, empty when it is no longer set
 * @param security why the change matters for security ({@code privileged}, {@code image}, {@code RBAC rules}, ...),
 *                 empty when it is not security-relevant
 */
public record FieldChange(String path, Optional<String> before, Optional<String> after, Optional<String> security) {
    public FieldChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(security, "security");
    }

    /** {@code path: before -> after}, with {@code (unset)} for a missing side. */
    public String display() {
        return path + ": " + before.orElse("(unset)") + " -> " + after.orElse("(unset)");
    }
}
