package io.k8sgate.core.input;

import java.util.Objects;

/** An input file that cannot be read at all. The message names the file. */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;

    /** An input problem with a cause. */
    public InputException(final String file, final String message, final Throwable cause) {
        super(file + ": " + message, cause);
        this.file = Objects.requireNonNull(file, "file");
    }

    /** An input problem. */
    public InputException(final String file, final String message) {
        super(file + ": " + message);
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The message: never null, since every constructor takes one. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }

    /** The file concerned. */
    public String file() {
        return file;
    }
}
