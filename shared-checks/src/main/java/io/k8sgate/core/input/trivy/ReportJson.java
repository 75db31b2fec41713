package io.k8sgate.core.input.trivy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Location;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The token stream of one report, read with the types Trivy itself reads it with. Trivy decodes its reports with Go's
 * {@code encoding/json} into typed structs: a {@code null} leaves a field empty, and any other value of the wrong type
 * (a number where a string belongs, an object where a list belongs) makes Trivy refuse the file. The gate does the
 * same, so that a report whose shape would hide findings (an object for {@code Vulnerabilities}, a number for
 * {@code Severity}) is an input error naming the file, the JSON path and the line, never a clean scan.
 */
final class ReportJson {
    /** The most characters of a value a message shows. */
    private static final int MAX_SHOWN = 60;
    private final JsonParser p;
    private final String file;
    /** The YAML object the stream was made from, which knows the lines a tree's stream does not; null for JSON. */
    private final @Nullable YamlNode yaml;

    /** Pays for what is read from the stream. */
    private final ReportMemory memory;

    /** A stream read with no memory limit (tests, tools). */
    ReportJson(final JsonParser parser, final String file) {
        this(parser, file, null, ReportMemory.unlimited());
    }

    /** A stream whose findings and values are paid for from {@code memory}. */
    ReportJson(final JsonParser parser, final String file, final ReportMemory memory) {
        this(parser, file, null, memory);
    }

    /** A stream over the tree of a YAML object, whose errors are placed at the object's own lines. */
    ReportJson(final JsonParser parser, final String file, final @Nullable YamlNode yaml, final ReportMemory memory) {
        this.p = parser;
        this.file = file;
        this.yaml = yaml;
        this.memory = memory;
    }

    /** What pays for the findings and values read from this stream. */
    ReportMemory memory() {
        return memory;
    }

    JsonParser parser() {
        return p;
    }

    String file() {
        return file;
    }

    /** Moves to the next token. */
    JsonToken next() throws IOException {
        return p.nextToken();
    }

    /** The token the stream stands at. */
    JsonToken current() {
        return p.currentToken();
    }

    /**
     * The text of the string value the stream stands at; {@code ""} for null. Any other value is refused, as Go
     * refuses it for a {@code string} field.
     */
    String string() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            memory.text(this, p.getTextLength());
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return "";
        }
        throw wrongType("a string");
    }

    /** The boolean value the stream stands at; false for null. */
    boolean bool() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            memory.value(this);
            return t == JsonToken.VALUE_TRUE;
        }
        if (t == JsonToken.VALUE_NULL) {
            return false;
        }
        throw wrongType("true or false");
    }

    /** The number the stream stands at (integer or not); 0 for null. */
    double number() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            memory.value(this);
            return p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_NULL) {
            return 0;
        }
        throw wrongType("a number");
    }

    /** The integer the stream stands at; 0 for null. A fraction or a value beyond Go's int is refused, as Go does. */
    long integer() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            memory.value(this);
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_NULL) {
            return 0;
        }
        throw wrongType("an integer");
    }

    /** True when the stream stands at a list to read, false for null; anything else is refused. */
    boolean list() {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_ARRAY) {
            return true;
        }
        if (t == JsonToken.VALUE_NULL) {
            return false;
        }
        throw wrongType("a list");
    }

    /** True when the stream stands at an object to read, false for null; anything else is refused. */
    boolean object() {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            return true;
        }
        if (t == JsonToken.VALUE_NULL) {
            return false;
        }
        throw wrongType("an object");
    }

    /** Skips the value the stream stands at (a field nobody reads: Trivy adds fields often). */
    void skip() throws IOException {
        p.skipChildren();
    }

    /** The value at the stream's position is not what Trivy writes there. */
    ReportException wrongType(final String expected) {
        return refuse(path() + " is " + describe(p.currentToken()) + value() + " where Trivy writes " + expected);
    }

    /** A severity name as Trivy writes it; anything else is refused (it would otherwise hide how severe it is). */
    TrivySeverity severity() throws IOException {
        String text = string();
        return TrivySeverity.named(text).orElseThrow(() -> refuse(path() + " is \"" + abbreviate(text)
                + "\", which is not a Trivy severity (CRITICAL, HIGH, MEDIUM, LOW or UNKNOWN)"));
    }

    /** The scalar at the stream's position as shown in messages, empty for containers. */
    private String value() {
        JsonToken t = p.currentToken();
        if (t == null || !t.isScalarValue() || t == JsonToken.VALUE_NULL) {
            return "";
        }
        try {
            String text = p.getText();
            return t == JsonToken.VALUE_STRING ? " (\"" + abbreviate(text) + "\")" : " (" + abbreviate(text) + ")";
        } catch (IOException e) {
            return "";
        }
    }

    /** A value short enough for a message, its control characters shown as such. */
    static String abbreviate(final String text) {
        String shown = text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text;
        StringBuilder sb = new StringBuilder(shown.length());
        shown.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                sb.append(String.format(Locale.ROOT, "\\u%04X", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    /** The value at the stream's position cannot be used, for the given reason (which names the path). */
    ReportException refuse(final String why) {
        return stop("is not a usable Trivy report: " + why);
    }

    /** Reading stops at the stream's position with this message (after the file's name). */
    ReportException stop(final String message) {
        if (yaml != null) {
            Location at = locate(yaml, segments());
            return new ReportException(file, message, at.line(), at.column());
        }
        JsonLocation at = p.currentTokenLocation();
        return new ReportException(file, message, Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0));
    }

    /** The deepest node of a YAML object along a path, where a stream over its tree stopped. */
    private static Location locate(final YamlNode root, final List<Object> path) {
        YamlNode node = root;
        for (Object step : path) {
            YamlNode next = step instanceof Integer i ? node.at(i) : node.get((String) step);
            if (next.isMissing()) {
                break;
            }
            node = next;
        }
        return node.location();
    }

    /** Where the stream stands, as a JSON path: {@code Results[0].Vulnerabilities[3].Severity}. */
    String path() {
        StringBuilder sb = new StringBuilder();
        for (Object step : segments()) {
            if (step instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(step);
            }
        }
        return sb.length() == 0 ? "the top level" : sb.toString();
    }

    /** The keys (strings) and list indexes (integers) from the top of the document to the stream's position. */
    private List<Object> segments() {
        JsonStreamContext ctx = p.getParsingContext();
        JsonToken t = p.currentToken();
        if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && ctx.getParent() != null) {
            ctx = ctx.getParent();
        }
        Deque<Object> parts = new ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push(Math.max(c.getCurrentIndex(), 0));
            } else if (c.getCurrentName() != null) {
                parts.push(c.getCurrentName());
            }
        }
        return new ArrayList<>(parts);
    }

    /**
     * The field names of one of Trivy's structs, matched as Go's {@code encoding/json} matches object keys: exactly,
     * else ignoring case ({@code "severity"} sets {@code Severity}). Trivy reads a report so, and so does the gate:
     * a key in another case is the same field, not one to skip.
     */
    static final class Fields {
        /** The most keys remembered: a report's objects use a few dozen; a hostile one cannot grow the table. */
        private static final int REMEMBERED = 1_024;
        private final String[] names;
        /** What each key seen so far sets: a lookup, where matching ignoring case compares with every name. */
        private final Map<String, String> seen = new ConcurrentHashMap<>();

        Fields(final String... names) {
            this.names = names.clone();
        }

        /** The field a key sets: its canonical name, or the key itself when it names no field. */
        String of(final String key) {
            String known = seen.get(key);
            if (known != null) {
                return known;
            }
            String field = match(key);
            if (seen.size() < REMEMBERED) {
                seen.put(key, field);
            }
            return field;
        }

        private String match(final String key) {
            for (String n : names) {
                if (n.equals(key)) {
                    return n;
                }
            }
            for (String n : names) {
                if (n.length() == key.length() && n.equalsIgnoreCase(key)) {
                    return n;
                }
            }
            return key;
        }
    }

    /** A JSON value kind, for messages. */
    static String describe(final JsonToken t) {
        if (t == null) {
            return "the end of the file";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.name().toLowerCase(Locale.ROOT);
        };
    }
}
