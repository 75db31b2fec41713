package io.k8sgate.core.baseline;

import io.k8sgate.core.model.ResourceRef;
import java.util.List;

/**
 * How a configuration moved away from a reference.
 *
 * @param added   objects that the reference does not have
 * @param removed objects of the reference that are gone
 * @param changed objects on both sides with different fields
 */
public record Drift(List<ResourceRef> added, List<ResourceRef> removed, List<ResourceChange> changed) {
    /** No drift. */
    public static final Drift NONE = new Drift(List.of(), List.of(), List.of());

    public Drift {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /** True when both sides hold the same configuration. */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** How many field changes are security-relevant. */
    public int securityChangeCount() {
        return changed.stream().mapToInt(c -> c.securityChanges().size()).sum();
    }

    /** {@code 1 added, 0 removed, 2 changed (3 security-relevant field changes)}. */
    public String summary() {
        return added.size() + " added, " + removed.size() + " removed, " + changed.size() + " changed ("
                + securityChangeCount() + " security-relevant field change(s))";
    }
}
