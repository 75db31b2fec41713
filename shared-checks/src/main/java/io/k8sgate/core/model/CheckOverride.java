package io.k8sgate.core.model;

import java.util.Objects;

/**
 * A check's finding replaces another check's finding on the same item, the way a Pod Security Admission check
 * declares the checks it overrides ({@code OverrideCheckIDs}): both describe one fact, the replacing finding is the one
 * a person reads, and it names the other check in {@link FindingProperties#ALSO_VIOLATES}.
 *
 * @param checkId the id of the check whose finding gives way
 * @param item    which findings of the two checks are about the same item
 * @param what    the item in words, for the catalogue ({@code hostPath volume}, {@code added capability})
 */
public record CheckOverride(String checkId, Item item, String what) {
    public CheckOverride {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(what, "what");
    }

    /**
     * When two findings, one of each check, are about the same item. Either way they must be about the same
     * definition of the same object (kind, namespace, name and file) and the same container (none for both when the
     * item is not in a container).
     */
    public enum Item {
        /** The same field: the same field path, or one field path inside the other ({@code volumes[2].hostPath}). */
        FIELD,
        /** The same container, whatever field of it each finding points at. */
        CONTAINER
    }
}
