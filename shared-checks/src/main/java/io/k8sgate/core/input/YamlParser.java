package io.k8sgate.core.input;

import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     * The fast path: the whole stream through one parser. Any error or limit abandons it (returning empty) so that
     * {@link #parseChunks} can read the other documents and report the problem at its document.
     */
    private Optional<List<YamlDocument>> parseStream(final String file, final String text,
            final List<Diagnostic> found) {
        List<YamlDocument> documents = new ArrayList<>();
        LoadSettings settings = LoadSettings.builder().setLabel(file).setUseMarks(true)
                .setCodePointLimit(Math.max(limits.maxDocumentChars(), 1) + 16).build();
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
                Builder builder = new Builder(file, chunk.firstLine - 1, limits);
                LoadSettings settings = LoadSettings.builder().setLabel(file).setUseMarks(true)
                        .setCodePointLimit(Math.max(limits.maxDocumentChars(), 1) + 16).build();
                // a document of only '---' and comments parses to an empty scalar: not a document at all
                for (Event event : new Parse(settings).parseString(chunk.text)) {
                    builder.accept(event);
                }
                builder.duplicates.forEach(problems);
                documents.add(new YamlDocument(index, start, Optional.ofNullable(builder.root)));
            } catch (MarkedYamlEngineException e) {
                Location at = e.getProblemMark().or(e::getContextMark)
                        .map(m -> new Location(file, chunk.firstLine + m.getLine(), m.getColumn() + 1))
                        .orElse(start);
                problems.accept(Diagnostic.error("yaml-syntax", at, "Malformed YAML in document " + index + ": "
                        + oneLine(e.getProblem() == null ? e.getMessage() : e.getProblem())));
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
            YamlNode node = create(parent, type, at(event), null, false);
            count(1, node.location());
            stack.push(new Frame(node, anchorOf(event)));
        }

        private void close() {
            Frame frame = stack.pop();
            frame.applyMerges();
            frame.anchor.ifPresent(name -> anchors.put(name, frame.node));
            attach(frame.node);
        }

        private void scalar(final ScalarEvent event) {
            Frame parent = stack.peek();
            Location where = at(event);
            if (parent != null && parent.expectsKey()) {
                parent.pendingKey = KeyNames.shared(event.getValue());
                parent.pendingKeyLocation = where;
                parent.pendingKeyIsMerge = MERGE_KEY.equals(event.getValue()) && event.isPlain();
                parent.expectingValue = true;
                return;
            }
            String tag = event.getTag().orElse("");
            boolean plain = event.getScalarStyle() == ScalarStyle.PLAIN && !tag.endsWith(":str");
            boolean isNull = plain && isNullText(event.getValue()) || tag.endsWith(":null");
            YamlNode node = create(parent, isNull ? YamlNode.Type.NULL : YamlNode.Type.SCALAR, where,
                    isNull ? null : event.getValue(), plain);
            count(1, where);
            anchorOf(event).ifPresent(name -> anchors.put(name, node));
            attach(node);
        }

        private static boolean isNullText(final String value) {
            return value.isEmpty() || "~".equals(value) || "null".equals(value) || "Null".equals(value)
                    || "NULL".equals(value);
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
                parent.pendingKey = KeyNames.shared(target.text(""));
                parent.pendingKeyLocation = where;
                parent.pendingKeyIsMerge = false;
                parent.expectingValue = true;
                return;
            }
            count(target.weight(), where);
            if (parent != null && parent.pendingKeyIsMerge) {
                parent.merges.add(target);
                parent.expectingValue = false;
                parent.pendingKeyIsMerge = false;
                return;
            }
            YamlNode copy = parent == null ? target.copyUnder(null, null, -1, where)
                    : parent.node.isMap() ? target.copyUnder(parent.node, parent.pendingKey, -1,
                            parent.pendingKeyLocation)
                            : target.copyUnder(parent.node, null, parent.node.size(), where);
            attach(copy);
        }

        private YamlNode create(final @Nullable Frame parent, final YamlNode.Type type, final Location where,
                final @Nullable String value, final boolean plain) {
            if (parent == null) {
                YamlNode node = new YamlNode(type, null, null, -1, where, value, plain);
                node.markObjectRoot();
                return node;
            }
            if (parent.node.isMap()) {
                return new YamlNode(type, parent.node, parent.pendingKey, -1, parent.pendingKeyLocation, value,
                        plain);
            }
            return new YamlNode(type, parent.node, null, parent.node.size(), where, value, plain);
        }

        private void attach(final YamlNode node) {
            Frame parent = stack.peek();
            if (parent == null) {
                root = node;
                return;
            }
            if (parent.node.isMap()) {
                if (parent.pendingKeyIsMerge) {
                    parent.merges.add(node);
                } else {
                    String key = parent.pendingKey == null ? "" : parent.pendingKey;
                    if (parent.node.containsKey(key)) {
                        duplicates.add(Diagnostic.error("yaml-duplicate-key", parent.pendingKeyLocation,
                                "Duplicate key '" + key + "': Kubernetes rejects a mapping that repeats a key"));
                    }
                    parent.node.put(key, node);
                }
                parent.expectingValue = false;
                parent.pendingKeyIsMerge = false;
            } else {
                parent.node.add(node);
            }
        }

        private static Optional<String> anchorOf(final Event event) {
            if (event instanceof NodeEvent) {
                return ((NodeEvent) event).getAnchor().map(a -> a.getValue());
            }
            return Optional.empty();
        }
    }

    /** An open mapping or sequence. */
    private static final class Frame {
        private final YamlNode node;
        private final Optional<String> anchor;
        private final List<YamlNode> merges = new ArrayList<>();
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

        /** YAML merge keys: entries of the merged mappings fill in keys the mapping does not set itself. */
        void applyMerges() {
            for (YamlNode merged : merges) {
                List<YamlNode> sources = merged.isSequence() ? merged.elements() : List.of(merged);
                for (YamlNode source : sources) {
                    source.entries().forEach((k, v) -> {
                        if (!node.containsKey(k)) {
                            node.put(k, v.copyUnder(node, k, -1, v.location()));
                        }
                    });
                }
            }
        }
    }
}
