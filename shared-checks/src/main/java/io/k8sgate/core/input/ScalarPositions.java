package io.k8sgate.core.input;

import io.k8sgate.core.model.Location;

/**
 * Where a position inside a scalar value (a CEL expression, say) lies in its file. The tree keeps the place of each
 * value's key; from the file's text the value's own start is found: after the key on the same line, quoted or not,
 * or on the following lines of a literal ({@code |}) or folded ({@code >}) block. When the value's layout does not
 * allow an exact answer (a plain or quoted scalar over several lines) the key's place is given.
 */
public final class ScalarPositions {
    private ScalarPositions() {
    }

    /**
     * The file position of a position inside a scalar.
     *
     * @param text   the file's text
     * @param key    the location of the scalar's node (its key)
     * @param line   1-based line inside the scalar's value
     * @param column 1-based column inside that line
     */
    public static Location locate(final String text, final Location key, final int line, final int column) {
        String[] lines = text.split("\r?\n", -1);
        int keyLine = key.line() - 1;
        if (keyLine < 0 || keyLine >= lines.length) {
            return key;
        }
        String own = lines[keyLine];
        int colon = own.indexOf(':', Math.max(0, key.column() - 1));
        if (colon < 0) {
            return key;
        }
        int start = colon + 1;
        while (start < own.length() && own.charAt(start) == ' ') {
            start++;
        }
        if (start >= own.length()) {
            return key;
        }
        char first = own.charAt(start);
        if (first == '|' || first == '>') {
            return inBlock(lines, key, keyLine, first == '>', line, column);
        }
        if (line != 1) {
            return key;
        }
        if (first == '"' || first == '\'') {
            boolean closed = own.indexOf(first, start + 1) > start;
            return closed ? new Location(key.file(), key.line(), start + 1 + column) : key;
        }
        return new Location(key.file(), key.line(), start + column);
    }

    private static Location inBlock(final String[] lines, final Location key, final int keyLine, final boolean folded,
            final int line, final int column) {
        int first = keyLine + 1;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first >= lines.length) {
            return key;
        }
        int indent = 0;
        while (indent < lines[first].length() && lines[first].charAt(indent) == ' ') {
            indent++;
        }
        if (!folded) {
            int at = first + line - 1;
            return at < lines.length ? new Location(key.file(), at + 1, indent + column) : key;
        }
        int remaining = column;
        for (int i = first; i < lines.length && lines[i].length() >= indent && !lines[i].isBlank(); i++) {
            int length = lines[i].length() - indent;
            if (remaining <= length + 1) {
                return new Location(key.file(), i + 1, indent + remaining);
            }
            remaining -= length + 1;
        }
        return key;
    }
}
