package io.k8sgate.core.archunit.cyclic.first;

import io.k8sgate.core.archunit.cyclic.second.Second;

/** Half of a package cycle that the architecture rules must catch. */
public final class First {
    /** Depends on the other package. */
    public Second next() {
        return new Second();
    }
}
