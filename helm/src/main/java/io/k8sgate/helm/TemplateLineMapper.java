package io.k8sgate.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Traces each line Helm rendered from a template back to the line of the template that wrote it.
 *
 * <p>Helm keeps no such trace, so it is inferred from the template text. The template is read as Go's template engine
 * reads it: actions ({@code {{ ... }}}) are found, whitespace that <code>{{-</code> and <code>-}}</code>
 * remove is removed,
 * the bodies of {@code define} blocks are set aside (they write where they are included, not where they stand), and
 * control actions ({@code if}, {@code range}, {@code with}, {@code end}, comments, assignments) write nothing. What
 * remains is cut at its literal line breaks into <em>line patterns</em>: literal text, with each writing action as a
 * wildcard. A pattern belongs to the template line of its first literal character (or of its first action when it
 * has none).
 *
 * <p>The rendered lines are then walked in order with a cursor on the patterns:
 * <ul>
 *   <li>A rendered line that matches a pattern as a whole (indentation included, wildcards standing for any text) is
 *   traced to that pattern's line. The first match after the cursor wins; when none follows, the nearest one before
 *   it (the next turn of a {@code range}). So a key written literally in the template, such as
 *   {@code image: {{ .Values.image }}} or {@code - name: {{ . }}} inside a loop, leads to its own line.</li>
 *   <li>When a matched line ends in an action that can write a block ({@code include}, {@code template},
 *   {@code tpl}, {@code toYaml}, {@code toJson}, {@code indent}, {@code nindent}, {@code .Files}) and that action
 *   wrote nothing on the line itself (its output starts on a new line, as {@code nindent} does), the following
 *   lines indented deeper than it are that action's output: they are traced to the action's line. This is how the
 *   keys of {@code labels: {{- include "x.labels" . | nindent 4 }}} or {@code {{- toYaml .Values.resources |
 *   nindent 12 }}} lead to the include or toYaml call.</li>
 *   <li>A line that matches nothing is traced to the action that is writing it: the block action above, or the next
 *   action standing alone on its line after the cursor (an {@code include} of a whole object).</li>
 *   <li>A template of several documents ({@code ---} lines) is traced document by document: each rendered document
 *   is matched against the template document whose patterns it matches most.</li>
 * </ul>
 *
 * <p>Limits: a line is traced to 0 when nothing explains it (for example output of a template that is not the one
 * Helm names, or blank lines). Output of an action that writes several lines at a place the first rule does not
 * recognise (text after it on the same line, a wrapper without indentation) goes to the line of the action when it
 * stands alone, otherwise to 0 or to the literal line it resembles. A line written by a helper or {@code toYaml}
 * that happens to equal a later literal line of the template, at the same indentation, is traced to that line.
 * Helm trims the whitespace around each document, so a document's first line may be indented less than in the
 * template; such a line still matches when its pattern starts with a wildcard.
 */
final class TemplateLineMapper {
    private static final Pattern BLOCK_WRITER = Pattern.compile(
            "\\b(include|template|tpl|toYaml|toJson|toPrettyJson|toRawJson|indent|nindent)\\b|\\.Files\\b");

    private final List<List<LinePattern>> documents;
    /** Template documents already given to a rendered document: of equal candidates, an unused one is taken. */
    private final boolean[] used;

    private TemplateLineMapper(final List<List<LinePattern>> documents) {
        this.documents = documents;
        this.used = new boolean[documents.size()];
    }

    /** Reads a template text (line breaks {@code \n}). */
    static TemplateLineMapper of(final String template) {
        List<List<LinePattern>> documents = new ArrayList<>();
        List<LinePattern> current = new ArrayList<>();
        for (LinePattern pattern : patterns(template)) {
            if (pattern.separator()) {
                documents.add(current);
                current = new ArrayList<>();
            } else {
                current.add(pattern);
            }
        }
        documents.add(current);
        documents.removeIf(List::isEmpty);
        return new TemplateLineMapper(documents);
    }

    /**
     * The template line of each rendered line of one document ({@code lines[i]} for rendered line {@code i + 1}),
     * 0 where it cannot be traced. The rendered documents of one template are passed in Helm's order (the order of
     * the template for documents of the same kind), so that of several template documents that fit equally, each is
     * used once in turn.
     */
    int[] map(final List<String> rendered) {
        int[] lines = new int[rendered.size()];
        if (documents.isEmpty()) {
            return lines;
        }
        List<LinePattern> patterns = documents.size() == 1 ? documents.get(0) : bestDocument(rendered);
        int cursor = -1;
        int expansionLine = 0;
        int expansionIndent = -1;
        for (int i = 0; i < rendered.size(); i++) {
            String line = rendered.get(i);
            if (line.isBlank()) {
                lines[i] = expansionLine;
                continue;
            }
            int indent = indentation(line);
            if (expansionLine != 0 && expansionIndent >= 0 && indent > expansionIndent) {
                lines[i] = expansionLine;
                continue;
            }
            int match = find(patterns, line, cursor);
            if (match >= 0) {
                LinePattern pattern = patterns.get(match);
                lines[i] = pattern.line();
                cursor = match;
                if (pattern.blockLine() != 0 && pattern.prefixMatches(line)) {
                    expansionLine = pattern.blockLine();
                    expansionIndent = indent;
                } else {
                    expansionLine = 0;
                    expansionIndent = -1;
                }
            } else if (expansionLine != 0) {
                lines[i] = expansionLine;
            } else {
                int writer = nextStandaloneWriter(patterns, cursor);
                if (writer >= 0) {
                    cursor = writer;
                    expansionLine = patterns.get(writer).line();
                    expansionIndent = -1;
                    lines[i] = expansionLine;
                }
            }
        }
        return lines;
    }

    private List<LinePattern> bestDocument(final List<String> rendered) {
        int best = 0;
        int bestScore = -1;
        for (int d = 0; d < documents.size(); d++) {
            List<LinePattern> document = documents.get(d);
            int score = 0;
            for (String line : rendered) {
                if (!line.isBlank() && document.stream().anyMatch(p -> p.matches(line))) {
                    score++;
                }
            }
            if (score > bestScore || (score == bestScore && used[best] && !used[d])) {
                best = d;
                bestScore = score;
            }
        }
        used[best] = true;
        return documents.get(best);
    }

    private static int find(final List<LinePattern> patterns, final String line, final int cursor) {
        for (int i = cursor + 1; i < patterns.size(); i++) {
            if (patterns.get(i).matches(line)) {
                return i;
            }
        }
        for (int i = Math.min(cursor, patterns.size() - 1); i >= 0; i--) {
            if (patterns.get(i).matches(line)) {
                return i;
            }
        }
        return -1;
    }

    private static int nextStandaloneWriter(final List<LinePattern> patterns, final int cursor) {
        for (int i = cursor + 1; i < patterns.size(); i++) {
            if (patterns.get(i).standaloneWriter()) {
                return i;
            }
        }
        return -1;
    }

    private static int indentation(final String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** The line patterns of a template, in order, with {@code ---} separators among them. */
    private static List<LinePattern> patterns(final String template) {
        int[] lineStarts = lineStarts(template);
        List<LinePattern> patterns = new ArrayList<>();
        PatternBuilder builder = new PatternBuilder();
        List<TemplateActions.Action> actions = TemplateActions.scan(template);
        int defineDepth = 0;
        List<Boolean> blocks = new ArrayList<>();
        int pos = 0;
        boolean trimNext = false;
        for (int a = 0; a <= actions.size(); a++) {
            TemplateActions.Action action = a < actions.size() ? actions.get(a) : null;
            int textEnd = action == null ? template.length() : action.start();
            if (defineDepth == 0) {
                int start = pos;
                int end = textEnd;
                if (trimNext) {
                    while (start < end && Character.isWhitespace(template.charAt(start))) {
                        start++;
                    }
                }
                if (action != null && action.trimLeft()) {
                    while (end > start && Character.isWhitespace(template.charAt(end - 1))) {
                        end--;
                    }
                }
                for (int i = start; i < end; i++) {
                    char c = template.charAt(i);
                    if (c == '\n') {
                        builder.finish(patterns);
                    } else if (c != '\r') {
                        builder.literal(c, line(lineStarts, i));
                    }
                }
            }
            if (action == null) {
                break;
            }
            if (action.keyword().equals("define")) {
                defineDepth++;
                blocks.add(Boolean.TRUE);
            } else if (action.opensBlock()) {
                blocks.add(Boolean.FALSE);
            } else if (action.closesBlock() && !blocks.isEmpty()) {
                if (blocks.remove(blocks.size() - 1)) {
                    defineDepth--;
                }
            } else if (defineDepth == 0 && action.writes()) {
                builder.wildcard(line(lineStarts, action.start()), BLOCK_WRITER.matcher(action.body()).find());
            }
            if (defineDepth == 0 && action.controls()) {
                builder.control();
            }
            trimNext = action.trimRight();
            pos = action.end();
        }
        builder.finish(patterns);
        return patterns;
    }

    private static int[] lineStarts(final String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int line(final int[] lineStarts, final int offset) {
        int low = 0;
        int high = lineStarts.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low + 1;
    }

    /**
     * One line of output as the template writes it.
     *
     * @param line      the template line it belongs to
     * @param glob      the whole line, literal text and wildcards; null for a line of only wildcards
     * @param blockLine the line of the block-writing action that ends the line, 0 when none
     * @param separator true for a {@code ---} document separator
     */
    private record LinePattern(int line, @Nullable Glob glob, int blockLine, boolean separator) {
        boolean matches(final String rendered) {
            return glob != null && glob.matches(rendered, glob.endsWithWildcard());
        }

        /** True when the line's final wildcard (its block-writing action) wrote nothing on the line itself. */
        boolean prefixMatches(final String rendered) {
            return glob != null && glob.endsWithWildcard() && glob.matches(rendered, false);
        }

        /** A line of only an action (and whitespace): an include or toYaml of a whole block. */
        boolean standaloneWriter() {
            return glob == null;
        }
    }

    /**
     * Literal pieces with a wildcard (any text) between each two, and before the first or after the last where
     * {@code startsWithWildcard} or {@code endsWithWildcard}. Trailing whitespace never decides a match (Helm trims
     * documents, and a value may render empty after {@code key: }).
     */
    private record Glob(List<String> pieces, boolean startsWithWildcard, boolean endsWithWildcard) {
        /** Matches the line; with {@code openEnd} false the final wildcard must match nothing. */
        boolean matches(final String rendered, final boolean openEnd) {
            String text = rendered.stripTrailing();
            int pos = 0;
            int last = pieces.size() - 1;
            for (int i = 0; i <= last; i++) {
                String piece = i == last && !openEnd ? pieces.get(i).stripTrailing() : pieces.get(i);
                if (i == 0 && !startsWithWildcard) {
                    if (!text.startsWith(piece)) {
                        return false;
                    }
                    pos = piece.length();
                } else if (i == last && !openEnd) {
                    return text.length() - piece.length() >= pos && text.endsWith(piece);
                } else {
                    int found = text.indexOf(piece, pos);
                    if (found < 0) {
                        return false;
                    }
                    pos = found + piece.length();
                }
            }
            return openEnd || pos == text.length();
        }
    }

    /** Collects the pieces of one output line. */
    private static final class PatternBuilder {
        private final List<String> pieces = new ArrayList<>();
        private final StringBuilder literal = new StringBuilder();
        private final StringBuilder text = new StringBuilder();
        private boolean startsWithWildcard;
        private int line;
        private int firstWildcardLine;
        private int blockLine;
        private boolean wildcardLast;
        /** After a control action inside a line, the rest of the line depends on a condition: any text. */
        private boolean loose;

        /**
         * A control action ({@code if}, {@code else}, {@code range}...). Inside a line that already has output, what
         * follows on the line is conditional: {@code key: {{ if .x }}a{{ else }}b{{ end }}} becomes {@code key: *}.
         */
        void control() {
            if (line == 0 && firstWildcardLine == 0) {
                return;
            }
            addWildcard();
            loose = true;
        }

        void literal(final char c, final int at) {
            if (loose) {
                return;
            }
            if (line == 0 && !Character.isWhitespace(c)) {
                line = at;
            }
            literal.append(c);
            text.append(c);
            wildcardLast = false;
        }

        void wildcard(final int at, final boolean block) {
            if (firstWildcardLine == 0) {
                firstWildcardLine = at;
            }
            addWildcard();
            blockLine = block ? at : 0;
        }

        private void addWildcard() {
            if (literal.length() > 0) {
                pieces.add(literal.toString());
                literal.setLength(0);
            } else if (pieces.isEmpty()) {
                startsWithWildcard = true;
            }
            wildcardLast = true;
        }

        void finish(final List<LinePattern> patterns) {
            if (literal.length() > 0) {
                pieces.add(literal.toString());
            }
            String content = text.toString().strip();
            if (line == 0 && firstWildcardLine != 0) {
                patterns.add(new LinePattern(firstWildcardLine, null, 0, false));
            } else if (line != 0 && content.equals("---") && firstWildcardLine == 0) {
                patterns.add(new LinePattern(line, null, 0, true));
            } else if (line != 0) {
                patterns.add(new LinePattern(line, new Glob(List.copyOf(pieces), startsWithWildcard, wildcardLast),
                        wildcardLast ? blockLine : 0, false));
            }
            pieces.clear();
            literal.setLength(0);
            text.setLength(0);
            startsWithWildcard = false;
            line = 0;
            firstWildcardLine = 0;
            blockLine = 0;
            wildcardLast = false;
            loose = false;
        }
    }
}
