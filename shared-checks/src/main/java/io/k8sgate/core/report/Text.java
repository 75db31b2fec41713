package io.k8sgate.core.report;

/**
 * Escaping for the text formats: every value from the inputs goes through here. Besides markup, characters that can
 * make text look different from what it is are neutralised: control characters become U+FFFD, and invisible or
 * direction-changing characters (such as U+202E RIGHT-TO-LEFT OVERRIDE) are shown as {@code [U+202E]}.
 */
final class Text {
    private Text() {
    }

    /** Escapes for HTML text and attribute values. */
    static String html(final String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\n', '\t' -> sb.append(c);
                default -> i = plain(s, i, sb);
            }
        }
        return sb.toString();
    }

    /**
     * Escapes for Markdown table cells and inline text: characters that start markup, HTML, mentions and table syntax
     * are backslash-escaped or entity-encoded, and line breaks become spaces.
     */
    static String md(final String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '|', '\\', '`', '*', '_', '[', ']', '#', '!', '@', '~', '$' -> sb.append('\\').append(c);
                case '\n', '\r', '\t' -> sb.append(' ');
                default -> i = plain(s, i, sb);
            }
        }
        return sb.toString();
    }

    /** The text with control characters replaced and invisible or direction-changing characters made visible. */
    static String visible(final String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t') {
                sb.append(c);
            } else {
                i = plain(s, i, sb);
            }
        }
        return sb.toString();
    }

    /** A value usable as an HTML id or anchor: letters, digits and dashes only. */
    static String anchor(final String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toLowerCase(c) : '-');
        }
        return sb.toString();
    }

    /** Appends the character at {@code i} (or the surrogate pair starting there) made visible; returns the last index used. */
    private static int plain(final String s, final int i, final StringBuilder sb) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = s.codePointAt(i);
            if (Character.getType(cp) == Character.FORMAT) {
                sb.append("[U+").append(String.format("%04X", cp)).append(']');
            } else {
                sb.append(c).append(s.charAt(i + 1));
            }
            return i + 1;
        }
        if (Character.isSurrogate(c) || Character.isISOControl(c)) {
            sb.append('\uFFFD');
        } else if (Character.getType(c) == Character.FORMAT) {
            sb.append("[U+").append(String.format("%04X", (int) c)).append(']');
        } else {
            sb.append(c);
        }
        return i;
    }
}
