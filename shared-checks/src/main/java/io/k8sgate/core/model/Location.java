package io.k8sgate.core.model;

import java.util.Objects;

/**
 * A place in an input file. Lines and columns are 1-based; 0 means "not known" (for instance a whole-file problem).
 *
 * @param file   the file as the user named it (relative to the working root where possible)
 * @param line   1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record Location(String file, int line, int column) {
    public Location {
        Objects.requireNonNull(file, "file");
    }

    /** A location for a whole file. */
    public static Location ofFile(final String file) {
        return new Location(file, 0, 0);
    }

    /** {@code file:line} or just the file when the line is unknown. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
