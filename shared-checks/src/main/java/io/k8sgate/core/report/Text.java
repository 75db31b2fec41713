package io.k8sgate.core.report;

/** Escaping for the text formats: every value from the inputs goes through here. */
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
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        sb.append("&#xFFFD;");
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * Escapes for Markdown table cells and inline text: characters that start markup, HTML and table syntax are
     * backslash-escaped or entity-encoded, and line breaks become spaces.
     */
    static String md(final String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '|', '\\', '`', '*', '_', '[', ']', '#', '!' -> sb.append('\\').append(c);
                case '\n', '\r', '\t' -> sb.append(' ');
                default -> sb.append(c);
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
}
