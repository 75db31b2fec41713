package io.k8sgate.core.model;

import java.util.Locale;

/**
 * What of a value from the inputs can be shown as it is. Characters that can make text look different from what it
 * is are not: control characters (C0, DEL and C1, such as U+009B, which starts a terminal command, and U+0085, a
 * line break), invisible, direction-changing or line-separating characters (such as U+202E RIGHT-TO-LEFT OVERRIDE),
 * unpaired surrogates and noncharacters. Every writer of text (the reports, the console summary, the front ends'
 * messages) decides with these rules, and a line of a console or CI log is made with {@link #line}.
 */
public final class Printable {
    /** The longest value one log line shows whole. */
    public static final int LINE_MAX = 1_000;

    private Printable() {
    }

    /**
     * Text for one line of a console or CI log: line feeds become spaces, and every other character that is not
     * plainly printable is shown as its code point ({@code [U+009B]}), so that a value cannot move the cursor, forge a
     * log line or reorder what is shown; at most {@code max} characters of the value.
     */
    public static String line(final String s, final int max) {
        String v = shorten(s, max);
        StringBuilder sb = new StringBuilder(v.length() + 16);
        for (int i = 0; i < v.length(); i++) {
            int cp = v.codePointAt(i);
            if (cp == '\t' || (isShown(cp) && !Character.isISOControl(cp))) {
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

    /** {@link #line(String, int)} with at most {@link #LINE_MAX} characters of the value. */
    public static String line(final String s) {
        return line(s, LINE_MAX);
    }

    /**
     * The value cut to at most {@code max} characters (never inside a surrogate pair), with a note of how much is
     * left out; shorter values unchanged.
     */
    public static String shorten(final String s, final int max) {
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

    /**
     * False for characters that are invisible or change how the text around them is laid out: format characters
     * (direction marks and overrides, zero-width characters, the byte order mark), the line and paragraph
     * separators, surrogates and noncharacters. Control characters are judged apart ({@link Character#isISOControl}).
     */
    public static boolean isShown(final int cp) {
        int type = Character.getType(cp);
        return type != Character.FORMAT && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.SURROGATE && !isNoncharacter(cp);
    }

    /** Unicode's noncharacters: U+FDD0 to U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF ...). */
    public static boolean isNoncharacter(final int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    /** A character as its code point: {@code [U+202E]}. */
    public static String codePoint(final int cp) {
        return String.format(Locale.ROOT, "[U+%04X]", cp);
    }
}
