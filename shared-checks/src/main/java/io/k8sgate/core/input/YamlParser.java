package io.k8sgate.core.input;

import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Turns YAML (and JSON, a subset of YAML 1.2) text into {@link YamlNode} trees that keep positions.
 *
 * <p>It builds the tree from the parser's event stream itself, without the recursive composer, so that depth, alias
 * expansion and size are counted as they arrive and hostile input is refused early. Each document of a stream is
 * parsed on its own: a syntax error in one document is reported and the others are still read.
 *
 * <p>This is the only class that touches the YAML library (an architecture test keeps it so).
 */
public final class YamlParser {
    private static final Pattern DOCUMENT_MARKER = Pattern.compile("---(?:[ \\t].*)?|\\.\\.\\.[ \\t]*");
    private static final String MERGE_KEY = "<<";
    /** The most characters the scanner's read-ahead buffer holds (4 MB of code points and 2 MB of text). */
    private static final int READ_AHEAD = 1 << 20;
    /** The most empty block scalars one document may need written as quoted values (each costs a parse)... */
    private static final int MAX_REPAIRS = 100;
    /** ... and the most characters those parses may read in all, so that a hostile document cannot make it slow. */
    private static final long REPAIR_BUDGET = 64L * 1024 * 1024;

    private final LoaderLimits limits;

    /** A parser with the given limits. */
    public YamlParser(final LoaderLimits limits) {
        this.limits = limits;
    }

    /**
     * Parses every document of {@code text}.
     *
     * @param file     the name used in locations and messages
     * @param text     the whole file
     * @param problems receives one diagnostic per refused document
     * @return the documents that could be read, in order
     */
    public List<YamlDocument> parse(final String file, final String text, final Consumer<Diagnostic> problems) {
        if (text.length() <= limits.maxDocumentChars()) {
            List<Diagnostic> found = new ArrayList<>();
            Optional<List<YamlDocument>> whole = parseStream(file, text, found);
            if (whole.isPresent()) {
                found.forEach(problems);
                return whole.get();
            }
        }
        return parseChunks(file, text, problems);
    }

    /**
     * The parser's settings for a text of {@code chars} characters. The read-ahead buffer holds the whole text up to
     * {@link #READ_AHEAD} characters: the scanner copies what it has not consumed yet at every refill, so with the
     * library's default of 1,024 characters a long value costs time in the square of its length (seconds for a
     * megabyte); with this buffer a value of any length up to the document limit is read in a few refills.
     */
    private LoadSettings settings(final String file, final int chars) {
        return LoadSettings.builder().setLabel(file).setUseMarks(true)
                .setCodePointLimit(Math.max(limits.maxDocumentChars(), 1) + 16)
                .setBufferSize(Math.min(chars, READ_AHEAD) + 1).build();
    }

    /**
     * The fast path: the whole stream through one parser. Any error or limit abandons it (returning empty) so that
     * {@link #parseChunks} can read the other documents and report the problem at its document.
     */
    private Optional<List<YamlDocument>> parseStream(final String file, final String text,
            final List<Diagnostic> found) {
        List<YamlDocument> documents = new ArrayList<>();
        LoadSettings settings = settings(file, text.length());
        Builder builder = null;
        Location start = Location.ofFile(file);
        int index = 0;
        try {
            for (Event event : new Parse(settings).parseString(text)) {
                switch (event.getEventId()) {
                    case DocumentStart:
                        builder = new Builder(file, 0, limits);
                        start = new Location(file, event.getStartMark().map(m -> m.getLine() + 1).orElse(1), 1);
                        break;
                    case DocumentEnd:
                        if (builder != null) {
                            found.addAll(builder.duplicates);
                            YamlNode root = builder.root;
                            if (root != null && root.type() != YamlNode.Type.NULL) {
                                index++;
                                documents.add(new YamlDocument(index, start, Optional.of(root)));
                            }
                        }
                        builder = null;
                        break;
                    default:
                        if (builder != null) {
                            builder.accept(event);
                        }
                        break;
                }
            }
        } catch (YamlEngineException | LimitException e) {
            found.clear();
            return Optional.empty();
        }
        return Optional.of(documents);
    }

    /** The careful path: each document on its own, so one broken document does not hide the others. */
    private List<YamlDocument> parseChunks(final String file, final String text, final Consumer<Diagnostic> problems) {
        List<YamlDocument> documents = new ArrayList<>();
        int index = 0;
        for (Chunk chunk : split(text)) {
            if (isBlank(chunk.text)) {
                continue;
            }
            index++;
            Location start = new Location(file, chunk.firstLine, 1);
            if (chunk.text.length() > limits.maxDocumentChars()) {
                problems.accept(Diagnostic.error("size-limit", start, "Document " + index + " has "
                        + chunk.text.length() + " characters, over the limit of " + limits.maxDocumentChars()
                        + "; it was not read"));
                continue;
            }
            try {
                Builder builder = parseRepairing(file, chunk);
                builder.duplicates.forEach(problems);
                documents.add(new YamlDocument(index, start, Optional.ofNullable(builder.root)));
            } catch (MarkedYamlEngineException e) {
                Location at = e.getProblemMark().or(e::getContextMark)
                        .map(m -> new Location(file, chunk.firstLine + m.getLine(), m.getColumn() + 1))
                        .orElse(start);
                problems.accept(Diagnostic.error("yaml-syntax", at, "Malformed YAML in document " + index + ": "
                        + oneLine(e.getProblem() != null ? e.getProblem() : String.valueOf(e.getMessage()))));
            } catch (LimitException e) {
                problems.accept(Diagnostic.error(e.code, e.location, e.getMessage() + " (document " + index
                        + "); it was not read"));
            } catch (YamlEngineException e) {
                problems.accept(Diagnostic.error("yaml-syntax", start, "Malformed YAML in document " + index + ": "
                        + oneLine(String.valueOf(e.getMessage()))));
            }
        }
        return documents;
    }

    /**
     * Parses one document; an empty block scalar our parser refuses but Kubernetes reads (see
     * {@link EmptyBlockScalars}) is written as the empty value it is and the document parsed again, up to
     * {@link #MAX_REPAIRS} times and {@link #REPAIR_BUDGET} characters; past that the parser's error stands.
     */
    private Builder parseRepairing(final String file, final Chunk chunk) {
        String text = chunk.text;
        for (int repairs = 0;; repairs++) {
            try {
                return parseDocument(file, chunk, text);
            } catch (MarkedYamlEngineException e) {
                String problem = String.valueOf(e.getProblem());
                Optional<Mark> at = e.getContextMark();
                boolean affordable = repairs < MAX_REPAIRS && (repairs + 1L) * text.length() <= REPAIR_BUDGET;
                if (!affordable || !problem.contains(EmptyBlockScalars.PROBLEM) || at.isEmpty()) {
                    throw e;
                }
                String repaired = EmptyBlockScalars.repair(text, at.get().getLine(), at.get().getColumn());
                if (repaired.equals(text)) {
                    throw e;
                }
                text = repaired;
            }
        }
    }

    private Builder parseDocument(final String file, final Chunk chunk, final String text) {
        Builder builder = new Builder(file, chunk.firstLine - 1, limits);
        for (Event event : new Parse(settings(file, text.length())).parseString(text)) {
            builder.accept(event);
        }
        return builder;
    }

    private static String oneLine(final String message) {
        return message.replaceAll("\\s+", " ").trim();
    }

    /** True when a chunk holds nothing but blank lines, comments, directives and document markers. */
    private static boolean isBlank(final String text) {
        int pos = 0;
        int length = text.length();
        while (pos < length) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = length;
            }
            String t = text.substring(pos, end).strip();
            if (!t.isEmpty() && t.charAt(0) != '#' && t.charAt(0) != '%' && !DOCUMENT_MARKER.matcher(t).matches()) {
                return false;
            }
            pos = end + 1;
        }
        return true;
    }

    /** Splits a stream at document markers in column 1, keeping line numbers. */
    static List<Chunk> split(final String text) {
        List<Chunk> chunks = new ArrayList<>();
        int line = 1;
        int chunkStart = 0;
        int chunkLine = 1;
        int pos = 0;
        int length = text.length();
        while (pos < length) {
            int end = text.indexOf('\n', pos);
            int next = end < 0 ? length : end + 1;
            if (pos > chunkStart && text.startsWith("---", pos)
                    && DOCUMENT_MARKER.matcher(text.substring(pos, end < 0 ? length : end).stripTrailing()).matches()
                    && text.charAt(pos) == '-') {
                chunks.add(new Chunk(text.substring(chunkStart, pos), chunkLine));
                chunkStart = pos;
                chunkLine = line;
            }
            pos = next;
            line++;
        }
        chunks.add(new Chunk(text.substring(chunkStart), chunkLine));
        return chunks;
    }

    /** A piece of a stream holding one document. */
    record Chunk(String text, int firstLine) {
    }

    /** A limit was exceeded. */
    private static final class LimitException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String code;
        private final transient Location location;

        LimitException(final String code, final Location location, final String message) {
            super(message);
            this.code = code;
            this.location = location;
        }
    }

    /** Builds one document's tree from parser events. */
    private static final class Builder {
        private final String file;
        private final int lineOffset;
        private final LoaderLimits limits;
        private final Deque<Frame> stack = new ArrayDeque<>();
        private final Map<String, YamlNode> anchors = new HashMap<>();
        private final List<Diagnostic> duplicates = new ArrayList<>();
        private @Nullable YamlNode root;
        private long nodes;
        private int aliases;

        Builder(final String file, final int lineOffset, final LoaderLimits limits) {
            this.file = file;
            this.lineOffset = lineOffset;
            this.limits = limits;
        }

        void accept(final Event event) {
            switch (event.getEventId()) {
                case MappingStart:
                    open(event, YamlNode.Type.MAP);
                    break;
                case SequenceStart:
                    open(event, YamlNode.Type.SEQUENCE);
                    break;
                case MappingEnd:
                case SequenceEnd:
                    close();
                    break;
                case Scalar:
                    scalar((ScalarEvent) event);
                    break;
                case Alias:
                    alias((AliasEvent) event);
                    break;
                default:
                    break;
            }
        }

        private Location at(final Event event) {
            Optional<Mark> mark = event.getStartMark();
            return mark.map(m -> new Location(file, lineOffset + m.getLine() + 1, m.getColumn() + 1))
                    .orElseGet(() -> Location.ofFile(file));
        }

        private void count(final long weight, final Location where) {
            nodes += weight;
            if (nodes > limits.maxNodes()) {
                throw new LimitException("size-limit", where, "The document expands to more than "
                        + limits.maxNodes() + " nodes (an alias-expansion bomb or an oversized document)");
            }
        }

        private void open(final Event event, final YamlNode.Type type) {
            if (stack.size() >= limits.maxDepth()) {
                throw new LimitException("depth-limit", at(event), "Nesting deeper than " + limits.maxDepth()
                        + " levels");
            }
            Frame parent = stack.peek();
            if (parent != null && parent.expectsKey()) {
                throw new LimitException("yaml-key", at(event), "A mapping key must be a plain value, not a "
                        + (type == YamlNode.Type.MAP ? "mapping" : "sequence"));
            }
            YamlNode node = create(parent, type, at(event), null, YamlScalars.Kind.NULL);
            count(1, node.location());
            stack.push(new Frame(node, anchorOf(event)));
        }

        private void close() {
            Frame frame = stack.pop();
            frame.anchor.ifPresent(name -> anchors.put(name, frame.node));
            attach(frame.node);
        }

        private void scalar(final ScalarEvent event) {
            Frame parent = stack.peek();
            Location where = at(event);
            String tag = event.getTag().orElse(null);
            boolean plain = event.getScalarStyle() == ScalarStyle.PLAIN;
            if (parent != null && parent.expectsKey()) {
                boolean merge = MERGE_KEY.equals(event.getValue())
                        && ((plain && tag == null) || YamlScalars.MERGE.equals(tag));
                parent.pendingKey = merge ? MERGE_KEY : KeyNames.shared(key(tag, event.getValue(), plain, where));
                parent.pendingKeyLocation = where;
                parent.pendingKeyIsMerge = merge;
                parent.expectingValue = true;
                return;
            }
            YamlScalars.Resolved value;
            try {
                value = YamlScalars.resolve(tag, event.getValue(), plain);
            } catch (YamlScalars.ScalarException e) {
                throw new LimitException("yaml-value", where, e.getMessage());
            }
            boolean isNull = value.kind() == YamlScalars.Kind.NULL;
            YamlNode node = create(parent, isNull ? YamlNode.Type.NULL : YamlNode.Type.SCALAR, where,
                    isNull ? null : value.text(), value.kind());
            count(1, where);
            anchorOf(event).ifPresent(name -> anchors.put(name, node));
            attach(node);
        }

        private static String key(final @Nullable String tag, final String text, final boolean plain,
                final Location where) {
            try {
                return YamlScalars.key(tag, text, plain);
            } catch (YamlScalars.ScalarException e) {
                throw new LimitException("yaml-key", where, e.getMessage());
            }
        }

        private void alias(final AliasEvent event) {
            Location where = at(event);
            String name = event.getAlias().getValue();
            YamlNode target = anchors.get(name);
            if (target == null) {
                throw new LimitException("yaml-alias", where, "Alias *" + name
                        + " refers to an anchor that is not defined before it, or to its own enclosing node");
            }
            aliases++;
            if (aliases > limits.maxAliases()) {
                throw new LimitException("alias-limit", where, "More than " + limits.maxAliases()
                        + " alias uses");
            }
            Frame parent = stack.peek();
            if (parent != null && parent.expectsKey()) {
                if (!target.isScalar() && target.type() != YamlNode.Type.NULL) {
                    throw new LimitException("yaml-key", where, "A mapping key must be a plain value, not a "
                            + (target.isMap() ? "mapping" : "sequence") + " (alias *" + name + ")");
                }
                parent.pendingKey = KeyNames.shared(key(target.type() == YamlNode.Type.NULL ? YamlScalars.NULL
                        : target.isString() ? YamlScalars.STR : null, target.text(""), true, where));
                parent.pendingKeyLocation = where;
                parent.pendingKeyIsMerge = false;
                parent.expectingValue = true;
                return;
            }
            count(target.weight(), where);
            if (parent != null && parent.pendingKeyIsMerge) {
                parent.merge(target, where);
                return;
            }
            YamlNode copy = parent == null ? target.copyUnder(null, null, -1, where)
                    : parent.node.isMap() ? target.copyUnder(parent.node, parent.pendingKey, -1,
                            parent.pendingKeyLocation)
                            : target.copyUnder(parent.node, null, parent.node.size(), where);
            attach(copy);
        }

        private YamlNode create(final @Nullable Frame parent, final YamlNode.Type type, final Location where,
                final @Nullable String value, final YamlScalars.Kind kind) {
            if (parent == null) {
                YamlNode node = new YamlNode(type, null, null, -1, where, value, kind);
                node.markObjectRoot();
                return node;
            }
            if (parent.node.isMap()) {
                return new YamlNode(type, parent.node, parent.pendingKey, -1, parent.pendingKeyLocation, value,
                        kind);
            }
            return new YamlNode(type, parent.node, null, parent.node.size(), where, value, kind);
        }

        private void attach(final YamlNode node) {
            Frame parent = stack.peek();
            if (parent == null) {
                root = node;
                return;
            }
            if (parent.node.isMap()) {
                if (parent.pendingKeyIsMerge) {
                    parent.merge(node, node.location());
                    return;
                }
                String key = parent.pendingKey == null ? "" : parent.pendingKey;
                if (parent.node.containsKey(key) && !parent.fromMerge(key)) {
                    duplicates.add(Diagnostic.error("yaml-duplicate-key", parent.pendingKeyLocation,
                            "Duplicate key '" + key + "': Kubernetes rejects a mapping that repeats a key"));
                }
                parent.node.put(key, node);
                parent.expectingValue = false;
            } else {
                parent.node.add(node);
            }
        }

        private static Optional<String> anchorOf(final Event event) {
            if (event instanceof NodeEvent node) {
                return node.getAnchor().map(a -> a.getValue());
            }
            return Optional.empty();
        }
    }

    /** An open mapping or sequence. */
    private static final class Frame {
        private final YamlNode node;
        private final Optional<String> anchor;
        /** Keys a merge key set and no explicit key has set since; null until a merge key is seen. */
        private @Nullable Set<String> merged;
        private @Nullable String pendingKey;
        private Location pendingKeyLocation;
        private boolean pendingKeyIsMerge;
        private boolean expectingValue;

        Frame(final YamlNode node, final Optional<String> anchor) {
            this.node = node;
            this.anchor = anchor;
            this.pendingKeyLocation = node.location();
        }

        boolean expectsKey() {
            return node.isMap() && !expectingValue;
        }

        /** True, and forgotten, when {@code key} was set by a merge key: an explicit key may replace it. */
        boolean fromMerge(final String key) {
            return merged != null && merged.remove(key);
        }

        /**
         * A merge key ({@code <<}) as Kubernetes' reader applies it, where it stands: the merged mapping's entries
         * replace the keys set before it, keys after it replace the merged ones, and in a list of mappings the
         * earlier ones win.
         */
        void merge(final YamlNode value, final Location where) {
            List<YamlNode> sources = value.isSequence() ? value.elements() : List.of(value);
            for (YamlNode source : sources) {
                if (!source.isMap()) {
                    throw new LimitException("yaml-merge", where, "A merge key (<<) takes a mapping or a list of "
                            + "mappings, not a " + source.type().name().toLowerCase(java.util.Locale.ROOT));
                }
            }
            Set<String> keys = merged == null ? new HashSet<>() : merged;
            for (int i = sources.size() - 1; i >= 0; i--) {
                sources.get(i).entries().forEach((k, v) -> {
                    node.put(k, v.copyUnder(node, k, -1, v.location()));
                    keys.add(k);
                });
            }
            merged = keys;
            expectingValue = false;
            pendingKeyIsMerge = false;
        }
    }
}
