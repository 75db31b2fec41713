package io.k8sgate.core.archunit.cyclic.second;

import io.k8sgate.core.archunit.cyclic.first.First;

/** The other half of the package cycle that the architecture rules must catch. */
public final class Second {
    /** Depends back on the first package. */
    public First back() {
        return new First();
    }
}
