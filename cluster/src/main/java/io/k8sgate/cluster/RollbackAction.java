package io.k8sgate.cluster;

import io.k8sgate.core.baseline.FieldChange;
import io.k8sgate.core.model.ResourceRef;
import java.util.List;
import java.util.Objects;

/**
 * What a rollback does (or, in a dry run, would do) to one object.
 *
 * @param resource the object
 * @param type     create, update, unchanged or skipped
 * @param changes  the fields that change, from the live value ({@code before}) to the baseline's ({@code after})
 * @param note     why an object is skipped, or what server-side apply leaves alone; empty otherwise
 */
public record RollbackAction(ResourceRef resource, Type type, List<FieldChange> changes, String note) {
    /** The kinds of action. */
    public enum Type { CREATE, UPDATE, UNCHANGED, SKIPPED }

    public RollbackAction {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(type, "type");
        changes = List.copyOf(changes);
        Objects.requireNonNull(note, "note");
    }
}
