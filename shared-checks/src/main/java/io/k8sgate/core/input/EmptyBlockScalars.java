package io.k8sgate.core.input;

/**
 * Empty block scalars followed by a line indented less than their mapping, such as {@code value: >} (perhaps with
 * blank lines after it) before the next item of an enclosing list. Kubernetes' YAML reader (libyaml's rules) reads
 * them as empty values; our parser refuses them ("the leading empty lines contain more spaces than the first non-empty
 * line") unless the next line is at exactly the indentation of the enclosing mapping. When it refuses one, it names
 * the indicator's position, and the indicator is replaced there by the same value written as a quoted scalar: {@code
 * ""}, or the kept line breaks for the {@code +} chomping indicator. Line numbers do not change.
 */
final class EmptyBlockScalars {
    /** The problem our parser reports for such a scalar. */
    static final String PROBLEM = "leading empty lines contain more spaces";

    private EmptyBlockScalars() {
    }

    /**
     * The text with the block scalar indicator at {@code line} (0-based) and {@code column} replaced by its empty
     * value, or {@code text} itself when no such indicator is there (an explicit indentation indicator, or anything
     * else).
     */
    static String repair(final String text, final int line, final int column) {
        int start = lineStart(text, line);
        if (start < 0) {
            return text;
        }
        int at = start + column;
        if (at >= text.length() || (text.charAt(at) != '>' && text.charAt(at) != '|')) {
            return text;
        }
        int end = at + 1;
        boolean keep = false;
        while (end < text.length() && (text.charAt(end) == '+' || text.charAt(end) == '-')) {
            keep |= text.charAt(end) == '+';
            end++;
        }
        if (end < text.length() && Character.isDigit(text.charAt(end))) {
            return text;
        }
        String value = keep ? "\"" + "\\n".repeat(blankLinesAfter(text, at)) + "\"" : "\"\"";
        return text.substring(0, at) + value + text.substring(end);
    }

    private static int lineStart(final String text, final int line) {
        int pos = 0;
        for (int i = 0; i < line; i++) {
            pos = text.indexOf('\n', pos);
            if (pos < 0) {
                return -1;
            }
            pos++;
        }
        return pos;
    }

    /** The number of lines holding only spaces after the line of {@code at}. */
    private static int blankLinesAfter(final String text, final int at) {
        int count = 0;
        int pos = text.indexOf('\n', at);
        while (pos >= 0 && pos + 1 < text.length()) {
            int next = text.indexOf('\n', pos + 1);
            String line = text.substring(pos + 1, next < 0 ? text.length() : next);
            if (!line.strip().isEmpty()) {
                break;
            }
            count++;
            pos = next;
        }
        return count;
    }
}
