package io.k8sgate.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The actions ({@code {{ ... }}}) of a Go template text, found as Go's template lexer finds them: <code>{{-</code> and
 * <code>-}}</code> trim markers, comments, and <code>}}</code> inside quoted strings not ending an action.
 */
final class TemplateActions {
    /** Actions that open a block closed by {@code end}. */
    private static final Set<String> OPENERS = Set.of("if", "range", "with", "define", "block");
    /** Actions that write nothing themselves. */
    private static final Set<String> SILENT = Set.of("if", "else", "end", "range", "with", "define", "break",
            "continue");

    private TemplateActions() {
    }

    /**
     * One action.
     *
     * @param start     offset of <code>{{</code>
     * @param end       offset just after <code>}}</code>
     * @param body      the text between the delimiters and trim markers, trimmed
     * @param trimLeft  <code>{{-</code>: the whitespace before the action is removed from the output
     * @param trimRight <code>-}}</code>: the whitespace after the action is removed from the output
     */
    record Action(int start, int end, String body, boolean trimLeft, boolean trimRight) {
        /** The first word: {@code if}, {@code range}, {@code end}, {@code include}..., or empty. */
        String keyword() {
            int i = 0;
            while (i < body.length() && (Character.isLetterOrDigit(body.charAt(i)) || body.charAt(i) == '_')) {
                i++;
            }
            return body.substring(0, i).toLowerCase(Locale.ROOT);
        }

        /** A comment (<code>{{/* ... *&#47;}}</code>). */
        boolean comment() {
            return body.startsWith("/*");
        }

        /** True for a control action that decides what follows: {@code if}, {@code else}, {@code range}... */
        boolean controls() {
            return !comment() && SILENT.contains(keyword()) && !keyword().equals("define");
        }

        /** True when the action opens a block that an {@code end} closes. */
        boolean opensBlock() {
            return OPENERS.contains(keyword());
        }

        /** True when the action closes a block. */
        boolean closesBlock() {
            return keyword().equals("end");
        }

        /** True when the action writes text into the output: not a control word, comment or variable assignment. */
        boolean writes() {
            if (comment() || SILENT.contains(keyword())) {
                return false;
            }
            return !body.matches("(?s)^\\$[A-Za-z0-9_]*\\s*:?=.*");
        }
    }

    /** The actions of a template text, in order. An unclosed <code>{{</code> ends the scan (Helm reports it). */
    static List<Action> scan(final String text) {
        List<Action> actions = new ArrayList<>();
        int pos = 0;
        while (true) {
            int open = text.indexOf("{{", pos);
            if (open < 0) {
                return actions;
            }
            int bodyStart = open + 2;
            boolean trimLeft = bodyStart + 1 < text.length() && text.charAt(bodyStart) == '-'
                    && Character.isWhitespace(text.charAt(bodyStart + 1));
            if (trimLeft) {
                bodyStart += 2;
            }
            int close = closing(text, bodyStart);
            if (close < 0) {
                return actions;
            }
            int bodyEnd = close;
            boolean trimRight = close - 2 >= bodyStart && text.charAt(close - 1) == '-'
                    && Character.isWhitespace(text.charAt(close - 2));
            if (trimRight) {
                bodyEnd = close - 2;
            }
            String body = text.substring(bodyStart, Math.max(bodyStart, bodyEnd)).trim();
            actions.add(new Action(open, close + 2, body, trimLeft, trimRight));
            pos = close + 2;
        }
    }

    /** The offset of the <code>}}</code> that ends the action whose body starts at {@code from}, or -1. */
    private static int closing(final String text, final int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/' && text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    return -1;
                }
                i = end + 2;
            } else if (c == '"' || c == '\'') {
                i = endOfQuoted(text, i, c);
            } else if (c == '`') {
                int end = text.indexOf('`', i + 1);
                if (end < 0) {
                    return -1;
                }
                i = end + 1;
            } else if (c == '}' && text.startsWith("}}", i)) {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static int endOfQuoted(final String text, final int start, final char quote) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote || c == '\n') {
                return i + 1;
            } else {
                i++;
            }
        }
        return i;
    }

    /**
     * Replaces every call of the function {@code name} in the actions of {@code text} (not in strings, comments or
     * as part of a longer name, field or variable) with {@code replacement}.
     */
    static String replaceFunction(final String text, final String name, final String replacement) {
        List<Action> actions = scan(text);
        if (actions.isEmpty() || !text.contains(name)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (Action action : actions) {
            if (action.comment()) {
                continue;
            }
            int i = action.start() + 2;
            int end = action.end() - 2;
            while (i < end) {
                char c = text.charAt(i);
                if (c == '"' || c == '\'') {
                    i = endOfQuoted(text, i, c);
                } else if (c == '`') {
                    i = Math.max(i + 1, text.indexOf('`', i + 1) + 1);
                } else if (c == '/' && text.startsWith("/*", i)) {
                    i = Math.max(i + 2, text.indexOf("*/", i + 2) + 2);
                } else if (text.startsWith(name, i) && boundaryBefore(text, i)
                        && boundaryAfter(text, i + name.length())) {
                    out.append(text, copied, i).append(replacement);
                    i += name.length();
                    copied = i;
                } else {
                    i++;
                }
            }
        }
        out.append(text, copied, text.length());
        return out.toString();
    }

    private static boolean boundaryBefore(final String text, final int i) {
        if (i == 0) {
            return true;
        }
        char c = text.charAt(i - 1);
        return !(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$');
    }

    private static boolean boundaryAfter(final String text, final int i) {
        return i >= text.length() || !(Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_');
    }
}
