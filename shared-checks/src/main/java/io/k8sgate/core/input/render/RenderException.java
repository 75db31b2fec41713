package io.k8sgate.core.input.render;

import io.k8sgate.core.model.Location;
import java.util.Objects;

/**
 * A source that cannot be rendered: a template error, a dependency that is not vendored, a missing tool. The message
 * says what is wrong and how to fix it; the location names the file (and line, where known).
 */
public class RenderException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Location location;

    /** A render problem at a place. */
    public RenderException(final Location location, final String message) {
        super(message);
        this.location = Objects.requireNonNull(location, "location");
    }

    /** A render problem at a place, with its cause. */
    public RenderException(final Location location, final String message, final Throwable cause) {
        super(message, cause);
        this.location = Objects.requireNonNull(location, "location");
    }

    /** The message: never null, since every constructor takes one. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }

    /** Where the problem is. */
    public Location location() {
        return location;
    }
}
