package io.k8sgate.core.registry;

import java.util.Objects;

/**
 * A check id that is no longer in the catalogue, and the check that now reports what it reported. Ids are never
 * reused, so a retired id keeps meaning its successor wherever a user wrote it: the policy's {@code checks} and
 * exceptions, exemption annotations, and the findings of stored baselines.
 *
 * @param id        the retired id
 * @param successor the id of the check that replaces it
 * @param since     the version that retired it
 * @param why       one sentence on what happened to it, shown in the catalogue and in the warnings
 */
public record RetiredCheck(String id, String successor, String since, String why) {
    public RetiredCheck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(successor, "successor");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(why, "why");
    }

    /** The warning for a use of the retired id, without the place (the caller's diagnostic names file and line). */
    public String warning() {
        return id + " is retired: " + why + " It is read as " + successor + "; write " + successor + " instead";
    }
}
