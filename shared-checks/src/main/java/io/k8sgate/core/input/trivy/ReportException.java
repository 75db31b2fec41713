package io.k8sgate.core.input.trivy;

import io.k8sgate.core.input.InputException;

/** A report file that cannot be used, with the place where reading stopped when it is known. */
public final class ReportException extends InputException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;
    private final String detail;

    /** A problem at a position (1-based line and column; 0 when unknown). */
    public ReportException(final String file, final String message, final int line, final int column,
            final Throwable cause) {
        super(file, message + (line > 0 ? " (line " + line + ", column " + column + ")" : ""), cause);
        this.line = line;
        this.column = column;
        this.detail = message;
    }

    /** A problem at a position. */
    public ReportException(final String file, final String message, final int line, final int column) {
        super(file, message + (line > 0 ? " (line " + line + ", column " + column + ")" : ""));
        this.line = line;
        this.column = column;
        this.detail = message;
    }

    /** The problem without the file and the position (for a diagnostic that carries both). */
    public String detail() {
        return detail;
    }

    /** The 1-based line where reading stopped, 0 when unknown. */
    public int line() {
        return line;
    }

    /** The 1-based column where reading stopped, 0 when unknown. */
    public int column() {
        return column;
    }
}
