package io.k8sgate.core.report;

import java.util.Locale;

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
    static final int CONSOLE_MESSAGE_MAX = 1_000;

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

    /** Text for an XML attribute or text node (JUnit): {@link #visible} and at most {@link #XML_MAX} characters. */
    static String xml(final String s) {
        return visible(shorten(s, XML_MAX));
    }

    /**
     * Text for one line of a console or CI log: line feeds become spaces, and every other character that is not
     * plainly printable (C0 and C1 controls such as carriage return, U+0085 and U+009B, invisible and
     * direction-changing characters, unpaired surrogates, noncharacters) is shown as its code point, so that a value
     * cannot move the cursor, forge a log line or reorder what is shown; at most {@code max} characters of the value.
     */
    static String console(final String s, final int max) {
        String v = shorten(s, max);
        StringBuilder sb = new StringBuilder(v.length() + 16);
        for (int i = 0; i < v.length(); i++) {
            int cp = v.codePointAt(i);
            if (cp == '\t' || isShown(cp) && !Character.isISOControl(cp)) {
                sb.appendCodePoint(cp);
            } else if (cp == '\n') {
                sb.append(' '); // a message's own line breaks; a value cannot start a log line of its own
            } else {
                sb.append(codePoint(cp));
            }
            i += Character.charCount(cp) - 1;
        }
        return sb.toString();
    }

    /**
     * The value cut to at most {@code max} characters (never inside a surrogate pair), with a note of how much is
     * left out; shorter values unchanged.
     */
    static String shorten(final String s, final int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max;
        if (Character.isHighSurrogate(s.charAt(end - 1)) && Character.isLowSurrogate(s.charAt(end))) {
            end--;
        }
        return s.substring(0, end) + String.format(Locale.ROOT, "… (%,d more characters; the JSON report has the "
                + "whole value)", s.length() - end);
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
            if (isNoncharacter(cp)) {
                sb.append('\uFFFD');
            } else if (isShown(cp)) {
                sb.append(c).append(s.charAt(i + 1));
            } else {
                sb.append(codePoint(cp));
            }
            return i + 1;
        }
        if (Character.isSurrogate(c) || Character.isISOControl(c) || isNoncharacter(c)) {
            sb.append('\uFFFD');
        } else if (isShown(c)) {
            sb.append(c);
        } else {
            sb.append(codePoint(c));
        }
        return i;
    }

    /**
     * False for characters that are invisible or change how the text around them is laid out: format characters
     * (direction marks and overrides, zero-width characters, the byte order mark) and the line and paragraph
     * separators.
     */
    private static boolean isShown(final int cp) {
        int type = Character.getType(cp);
        return type != Character.FORMAT && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.SURROGATE && !isNoncharacter(cp);
    }

    /** Unicode's noncharacters: U+FDD0 to U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF ...). */
    private static boolean isNoncharacter(final int cp) {
        return cp >= 0xFDD0 && cp <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;
    }

    private static String codePoint(final int cp) {
        return String.format(Locale.ROOT, "[U+%04X]", cp);
    }
}
