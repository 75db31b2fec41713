package io.k8sgate.core.report;

import io.k8sgate.core.model.Printable;

/**
 * Escaping for the text formats: every value from the inputs goes through here. Besides markup, characters that can
 * make text look different from what it is, or that XML 1.0 forbids, are neutralised: control characters (C0, DEL and
 * C1), unpaired surrogates and noncharacters (such as U+FFFE) become U+FFFD, and invisible, direction-changing or
 * line-separating characters (such as U+202E RIGHT-TO-LEFT OVERRIDE) are shown as {@code [U+202E]}. Values are also
 * shortened to a length each format can show; the JSON report, which escapes rather than shows, keeps every value
 * whole.
 */
final class Text {
    /** The longest value the HTML page shows whole. */
    static final int HTML_MAX = 4_000;
    /** The longest value a Markdown table cell shows whole. */
    static final int MD_MAX = 400;
    /** The longest value a JUnit attribute or detail line shows whole. */
    static final int XML_MAX = 4_000;
    /** The longest name (resource, container, file) the console shows whole. */
    static final int CONSOLE_MAX = 240;
    /** The longest message (which may quote names) the console shows whole. */
    static final int CONSOLE_MESSAGE_MAX = Printable.LINE_MAX;

    private Text() {
    }

    /** Escapes for HTML text and attribute values, at most {@link #HTML_MAX} characters of the value. */
    static String html(final String s) {
        String v = shorten(s, HTML_MAX);
        StringBuilder sb = new StringBuilder(v.length() + 16);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\n', '\t' -> sb.append(c);
                default -> i = plain(v, i, sb);
            }
        }
        return sb.toString();
    }

    /**
     * Escapes for Markdown table cells and inline text: characters that start markup, HTML, mentions and table syntax
     * are backslash-escaped or entity-encoded, and line breaks become spaces. At most {@link #MD_MAX} characters of
     * the value are shown, so that one huge value cannot crowd every row out of a size-limited comment.
     */
    static String md(final String s) {
        String v = shorten(s, MD_MAX);
        StringBuilder sb = new StringBuilder(v.length() + 16);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '|', '\\', '`', '*', '_', '[', ']', '#', '!', '@', '~', '$' -> sb.append('\\').append(c);
                case '\n', '\r', '\t' -> sb.append(' ');
                default -> i = plain(v, i, sb);
            }
        }
        return sb.toString();
    }

    /**
     * The text with control characters, unpaired surrogates and noncharacters replaced and invisible or
     * direction-changing characters made visible; line feeds and tabs are kept. What is left is valid in XML 1.0.
     */
    static String visible(final String s) {
        if (isPlainAscii(s)) {
            return s; // nearly every value: nothing to replace, nothing to copy
        }
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

    /** True when every character is printable ASCII, a line feed or a tab: {@link #visible} keeps such text as is. */
    private static boolean isPlainAscii(final String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < ' ' || c > '~') && c != '\n' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Text for an XML attribute or text node (JUnit): {@link #visible} and at most {@link #XML_MAX} characters. */
    static String xml(final String s) {
        return visible(shorten(s, XML_MAX));
    }

    /** Text for one line of a console or CI log ({@link Printable#line(String, int)}). */
    static String console(final String s, final int max) {
        return Printable.line(s, max);
    }

    /** The value cut to at most {@code max} characters ({@link Printable#shorten}). */
    static String shorten(final String s, final int max) {
        return Printable.shorten(s, max);
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

    /**
     * Appends the character at {@code i} (or the surrogate pair starting there) made visible; returns the last index
     * used.
     */
    private static int plain(final String s, final int i, final StringBuilder sb) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = s.codePointAt(i);
            if (Printable.isNoncharacter(cp)) {
                sb.append('\uFFFD');
            } else if (Printable.isShown(cp)) {
                sb.append(c).append(s.charAt(i + 1));
            } else {
                sb.append(Printable.codePoint(cp));
            }
            return i + 1;
        }
        if (Character.isSurrogate(c) || Character.isISOControl(c) || Printable.isNoncharacter(c)) {
            sb.append('\uFFFD');
        } else if (Printable.isShown(c)) {
            sb.append(c);
        } else {
            sb.append(Printable.codePoint(c));
        }
        return i;
    }
}
