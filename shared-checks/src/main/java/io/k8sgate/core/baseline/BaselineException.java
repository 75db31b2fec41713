package io.k8sgate.core.baseline;

import java.util.Objects;

/**
 * A baseline store or version that cannot be used: missing, unreadable, corrupt, written by a newer version of the
 * tool, or unreachable. The message names the store and the version; the gate fails closed on it.
 */
public class BaselineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A problem with a cause. */
    public BaselineException(final String message, final Throwable cause) {
        super(message, cause);
    }

    /** A problem. */
    public BaselineException(final String message) {
        super(message);
    }

    /** The message: never null, since every constructor takes one. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }
}
