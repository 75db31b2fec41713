package io.k8sgate.core.input;

import io.k8sgate.core.secret.CredentialDetector;
import io.k8sgate.core.secret.CredentialDetector.Credential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Secret values in Kubernetes objects (as plain maps and lists), wherever they are: every value of a {@code Secret}'s
 * {@code data} and {@code stringData}, and every credential {@link CredentialDetector} recognises in any other string
 * of the object, by format (tokens, private keys, passwords in URLs) or by name. A value is named by its mapping key,
 * by the {@code name} (or {@code key}) next to a {@code value} (environment variables, headers, parameters), or by
 * the flag before it in a list of arguments ({@code ["--db-password", "..."]}). Baselines and exports use
 * {@link #redact} so that the values never leave the run; the object's identity ({@code apiVersion}, {@code kind},
 * {@code metadata.name}, {@code metadata.namespace}) is kept as it is.
 */
public final class SecretRedaction {
    /** What a removed value is replaced with when it is not digested. Not valid base64: it cannot be applied. */
    public static final String REDACTED = "(redacted)";
    /** How every replacement starts, digested or not. */
    public static final String MARKER_PREFIX = "(redacted";

    private SecretRedaction() {
    }

    /**
     * A credential in an object.
     *
     * @param path where: mapping keys ({@code String}) and list indexes ({@code Integer}) from the object
     * @param kind what it is ({@code a GitHub token (ghp_…)}, {@code a Secret value})
     */
    public record Found(List<Object> path, String kind) {
        public Found {
            path = List.copyOf(path);
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** A copy of the object with every secret value replaced by {@link #REDACTED}. */
    public static Map<String, @Nullable Object> redact(final Map<String, @Nullable Object> object) {
        return redact(object, secret -> REDACTED);
    }

    /**
     * A copy of the object with every secret value replaced by what {@code replacement} makes of it (a keyed digest,
     * so that a changed value is still seen without the value being kept). Within a longer string only the secret
     * part is replaced: {@code postgres://app:(redacted ...)@db/shop}.
     */
    public static Map<String, @Nullable Object> redact(final Map<String, @Nullable Object> object,
            final UnaryOperator<String> replacement) {
        Visitor replace = (path, value, found) -> CredentialDetector.replace(value, found,
                c -> replacement.apply(value.substring(c.start(), c.end())));
        return walkObject(object, replace);
    }

    /** Every secret value in the object, in document order. */
    public static List<Found> find(final Map<String, @Nullable Object> object) {
        List<Found> found = new ArrayList<>();
        walkObject(object, collect(found));
        return found;
    }

    /**
     * A field of a manifest that holds credentials.
     *
     * @param node  the field's value
     * @param kinds what it holds, each as {@link CredentialDetector.Credential#describe} puts it, no value shown
     */
    public record Field(YamlNode node, List<String> kinds) {
        public Field {
            Objects.requireNonNull(node, "node");
            kinds = List.copyOf(kinds);
        }

        /**
         * Where the field is below {@code ancestor}, such as {@code args[2]} below a container; the whole field path
         * when it is not below it.
         */
        public String pathFrom(final YamlNode ancestor) {
            String base = ancestor.fieldPath();
            String path = node.fieldPath();
            return !base.isEmpty() && path.startsWith(base) && path.length() > base.length()
                    ? path.substring(base.length() + (path.charAt(base.length()) == '.' ? 1 : 0)) : path;
        }

        /** What the field holds, as a phrase: {@code a GitHub token (ghp_…) and a password in a URL}. */
        public String describe() {
            if (kinds.size() == 1) {
                return kinds.get(0);
            }
            return String.join(", ", kinds.subList(0, kinds.size() - 1)) + " and " + kinds.get(kinds.size() - 1);
        }
    }

    /**
     * The fields below {@code node} (named {@code name}) that hold credentials, in document order, one entry per
     * field. Values are named as {@link #redact} names them, so checks report exactly what baselines redact.
     */
    public static List<Field> fields(final String name, final YamlNode node) {
        List<Field> fields = new ArrayList<>();
        visit(node, name, fields);
        return fields;
    }

    private static void visit(final YamlNode node, final String name, final List<Field> fields) {
        if (node.isMap()) {
            node.entries().forEach((key, child) -> visit(child, key.equals("value") ? pairName(node, key) : key,
                    fields));
        } else if (node.isSequence()) {
            String previous = "";
            for (YamlNode element : node.elements()) {
                String flag = CredentialDetector.argumentName(previous);
                visit(element, flag.isEmpty() ? name : flag, fields);
                previous = element.isScalar() ? element.text("") : "";
            }
        } else if (node.isScalar()) {
            String text = node.text("");
            List<Credential> found = text.contains(MARKER_PREFIX) ? List.of() : CredentialDetector.inValue(name, text);
            if (!found.isEmpty()) {
                fields.add(new Field(node, found.stream().map(Credential::describe).distinct().toList()));
            }
        }
    }

    /** The name of a {@code value} next to a {@code name} (or {@code key}): the variable's, the header's. */
    private static String pairName(final YamlNode map, final String fallback) {
        YamlNode pair = map.get("name").isScalar() ? map.get("name") : map.get("key");
        String name = pair.isScalar() ? pair.text("") : "";
        return name.isEmpty() ? fallback : name;
    }

    private static Visitor collect(final List<Found> found) {
        return (path, value, credentials) -> {
            credentials.forEach(c -> found.add(new Found(path.segments(), c.describe())));
            return value;
        };
    }

    /** True when the object (as plain maps and lists) holds a value that {@link #redact} replaced. */
    public static boolean containsRedacted(final @Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(SecretRedaction::containsRedacted);
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(SecretRedaction::containsRedacted);
        }
        return value instanceof String s && s.contains(MARKER_PREFIX);
    }

    /**
     * True when an environment variable's (or any setting's) name suggests that its value is a credential; see
     * {@link CredentialDetector#isCredentialName}.
     */
    public static boolean isSecretLookingName(final String name) {
        return CredentialDetector.isCredentialName(name);
    }

    /** What happens to a string value with the credentials found in it; returns its new text. */
    @FunctionalInterface
    private interface Visitor {
        String visit(Path path, String value, List<Credential> found);
    }

    /** Where a value is, built as the walk goes down and turned into a list only for what is found. */
    private record Path(@Nullable Path parent, Object segment) {
        static final Path ROOT = new Path(null, "");

        Path child(final Object next) {
            return new Path(this, next);
        }

        List<Object> segments() {
            List<Object> reversed = new ArrayList<>();
            for (Path p = this; p != null && p.parent != null; p = p.parent) {
                reversed.add(p.segment);
            }
            java.util.Collections.reverse(reversed);
            return reversed;
        }
    }

    private static Map<String, @Nullable Object> walkObject(final Map<String, @Nullable Object> object,
            final Visitor visitor) {
        boolean secret = "Secret".equals(object.get("kind"));
        Map<String, @Nullable Object> copy = new LinkedHashMap<>();
        object.forEach((key, value) -> {
            if (key.equals("apiVersion") || key.equals("kind")) {
                copy.put(key, value);
            } else if (key.equals("metadata") && value instanceof Map<?, ?> metadata) {
                Map<String, @Nullable Object> meta = new LinkedHashMap<>();
                metadata.forEach((k, v) -> {
                    String name = String.valueOf(k);
                    meta.put(name, name.equals("name") || name.equals("namespace") ? v
                            : walk(v, name, Path.ROOT.child(key).child(name), visitor));
                });
                copy.put(key, meta);
            } else if (secret && (key.equals("data") || key.equals("stringData")) && value instanceof Map<?, ?> data) {
                Map<String, @Nullable Object> blank = new LinkedHashMap<>();
                data.forEach((k, v) -> blank.put(String.valueOf(k), whole(Path.ROOT.child(key).child(String.valueOf(k)),
                        v, visitor)));
                copy.put(key, blank);
            } else {
                copy.put(key, walk(value, key, Path.ROOT.child(key), visitor));
            }
        });
        return copy;
    }

    /** A Secret's value: secret as a whole, whatever it holds. */
    private static @Nullable Object whole(final Path path, final @Nullable Object value, final Visitor visitor) {
        String text = value == null ? "" : String.valueOf(value);
        return text.isEmpty() || text.startsWith(MARKER_PREFIX) ? value
                : visitor.visit(path, text, List.of(new Credential(0, text.length(), "a Secret value", "")));
    }

    private static @Nullable Object walk(final @Nullable Object value, final String name, final Path path,
            final Visitor visitor) {
        if (value instanceof Map<?, ?> map) {
            Map<String, @Nullable Object> copy = new LinkedHashMap<>();
            @Nullable Object pairName = map.get("name") instanceof String n ? n : map.get("key");
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                String named = key.equals("value") && pairName instanceof String n ? n : key;
                copy.put(key, walk(v, named, path.child(key), visitor));
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            List<@Nullable Object> copy = new ArrayList<>();
            String previous = "";
            for (int i = 0; i < list.size(); i++) {
                Object element = list.get(i);
                String flag = CredentialDetector.argumentName(previous);
                copy.add(walk(element, flag.isEmpty() ? name : flag, path.child(i), visitor));
                previous = element instanceof String s ? s : "";
            }
            return copy;
        }
        if (value instanceof String text) {
            if (text.contains(MARKER_PREFIX)) {
                return text; // redacted already: a baseline's value read back, an export applied again
            }
            List<Credential> found = CredentialDetector.inValue(name, text);
            return found.isEmpty() ? text : visitor.visit(path, text, found);
        }
        if (value instanceof Number number) {
            String text = String.valueOf(number);
            List<Credential> found = CredentialDetector.inValue(name, text);
            return found.isEmpty() ? value : visitor.visit(path, text, found);
        }
        return value;
    }
}
