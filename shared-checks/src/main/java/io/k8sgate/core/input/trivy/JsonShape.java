package io.k8sgate.core.input.trivy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of one kind of object in a report, with the type each holds, read in one pass: a declaration instead of a
 * loop per kind of object. Fields not declared are skipped unread; {@code null} reads as the type's empty value; a
 * value of another type is refused with its JSON path ({@link ReportJson}). Keys match exactly (Kubernetes objects,
 * CycloneDX) or, for Trivy's own structs, as Go's {@code encoding/json} matches them. Shapes are declared once, as
 * constants; the hot path, vulnerabilities of Trivy's JSON, has a reader of its own ({@link VulnerabilityReader}).
 */
final class JsonShape {
    /** Reads a field whose value needs more than a type (a map of CVSS data, a list of objects ...). */
    @FunctionalInterface
    interface Custom {
        Object read(ReportJson json) throws IOException;
    }

    /** The scalar types fields hold. */
    private enum Kind { TEXT, SEVERITY, NUMBER, LINE, BOOLEAN, TEXTS }

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final boolean foldCase;
    private ReportJson.Fields names = new ReportJson.Fields();

    private JsonShape(final boolean foldCase) {
        this.foldCase = foldCase;
    }

    /** A shape whose keys match exactly. */
    static JsonShape exact() {
        return new JsonShape(false);
    }

    /** A shape of one of Trivy's structs: keys match ignoring case, as Trivy reads them. */
    static JsonShape trivy() {
        return new JsonShape(true);
    }

    /** Fields that hold a string. */
    JsonShape text(final String... fieldNames) {
        return declare(Kind.TEXT, fieldNames);
    }

    /** Fields that hold a severity name ({@link ReportJson#severity()}). */
    JsonShape severity(final String... fieldNames) {
        return declare(Kind.SEVERITY, fieldNames);
    }

    /** Fields that hold a number. */
    JsonShape number(final String... fieldNames) {
        return declare(Kind.NUMBER, fieldNames);
    }

    /** Fields that hold a line number (an integer; 0 or less reads as unknown). */
    JsonShape line(final String... fieldNames) {
        return declare(Kind.LINE, fieldNames);
    }

    /** Fields that hold true or false. */
    JsonShape bool(final String... fieldNames) {
        return declare(Kind.BOOLEAN, fieldNames);
    }

    /** Fields that hold a list of strings (empty ones left out). */
    JsonShape texts(final String... fieldNames) {
        return declare(Kind.TEXTS, fieldNames);
    }

    /** A field that holds an object of another shape. */
    JsonShape object(final String fieldName, final JsonShape shape) {
        return put(fieldName, shape);
    }

    /** A field read by its own reader. */
    JsonShape custom(final String fieldName, final Custom reader) {
        return put(fieldName, reader);
    }

    private JsonShape declare(final Kind kind, final String... fieldNames) {
        JsonShape s = this;
        for (String n : fieldNames) {
            s = put(n, kind);
        }
        return s;
    }

    private JsonShape put(final String fieldName, final Object kind) {
        fields.put(fieldName, kind);
        names = new ReportJson.Fields(fields.keySet().toArray(String[]::new));
        return this;
    }

    /** Reads the object the stream stands at (null reads as an object with no fields). */
    Values read(final ReportJson json) throws IOException {
        Map<String, Object> read = new HashMap<>();
        int line = Math.max(json.parser().currentTokenLocation().getLineNr(), 0);
        if (!json.object()) {
            return new Values(read, line);
        }
        JsonParser p = json.parser();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = foldCase ? names.of(p.currentName()) : p.currentName();
            p.nextToken();
            Object kind = fields.get(key);
            if (kind == null) {
                p.skipChildren();
            } else {
                read.put(key, value(json, kind));
            }
        }
        return new Values(read, line);
    }

    /** Reads a list of objects of this shape (null reads as none). */
    List<Values> list(final ReportJson json) throws IOException {
        return list(json, false);
    }

    /** Reads a list of findings of this shape, each paid for as a finding before it is read (null reads as none). */
    List<Values> findings(final ReportJson json) throws IOException {
        return list(json, true);
    }

    private List<Values> list(final ReportJson json, final boolean findings) throws IOException {
        List<Values> out = new ArrayList<>();
        if (json.list()) {
            while (json.next() != JsonToken.END_ARRAY) {
                if (findings) {
                    json.memory().finding(json);
                }
                out.add(read(json));
            }
        }
        return out;
    }

    private static Object value(final ReportJson json, final Object kind) throws IOException {
        if (kind instanceof JsonShape shape) {
            return shape.read(json);
        }
        if (kind instanceof Custom custom) {
            return custom.read(json);
        }
        return switch ((Kind) kind) {
            case TEXT -> json.string();
            case SEVERITY -> json.severity();
            case NUMBER -> json.number();
            case LINE -> {
                long n = json.integer();
                yield n > 0 && n <= Integer.MAX_VALUE ? (int) n : 0;
            }
            case BOOLEAN -> json.bool();
            case TEXTS -> ImageMetadata.strings(json);
        };
    }

    /**
     * The fields of one object as read, each with its type's empty value when absent.
     *
     * @param read the fields present
     * @param line the line the object starts at, 0 when unknown
     */
    record Values(Map<String, Object> read, int line) {
        String text(final String field) {
            return (String) read.getOrDefault(field, "");
        }

        TrivySeverity severity(final String field) {
            return (TrivySeverity) read.getOrDefault(field, TrivySeverity.UNKNOWN);
        }

        double number(final String field) {
            return (Double) read.getOrDefault(field, 0.0);
        }

        int line(final String field) {
            return (Integer) read.getOrDefault(field, 0);
        }

        boolean bool(final String field) {
            return (Boolean) read.getOrDefault(field, false);
        }

        @SuppressWarnings("unchecked") // TEXTS fields hold lists of strings
        List<String> texts(final String field) {
            return (List<String>) read.getOrDefault(field, List.of());
        }

        /** A nested object, empty when absent. */
        Values object(final String field) {
            return (Values) read.getOrDefault(field, new Values(Map.of(), 0));
        }

        /** What a custom reader gave for a field, if present. */
        <T> Optional<T> custom(final String field, final Class<T> type) {
            return Optional.ofNullable(read.get(field)).map(type::cast);
        }

        boolean has(final String field) {
            return read.containsKey(field);
        }
    }
}
