package io.k8sgate.core.input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one notion of "secret value" in manifests: values of {@code Secret} objects ({@code data},
 * {@code stringData}) and literal values of environment variables whose names look like credentials. Checks use
 * {@link #isSecretLookingName} to flag such variables; baselines and exports use {@link #redact} so that the values
 * never leave the run.
 */
public final class SecretRedaction {
    /** What a removed value is replaced with. Not valid base64, so a Secret carrying it cannot be applied. */
    public static final String REDACTED = "(redacted)";

    /** Words of credential names, matched with separators removed ({@code API_KEY} and {@code apiKey} alike). */
    private static final Pattern SENSITIVE = Pattern.compile(
            "PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|APIKEY|PRIVATEKEY|ACCESSKEY|CREDENTIAL|SIGNINGKEY"
                    + "|ENCRYPTIONKEY|MASTERKEY");
    /** {@code PASS} as a word of the name ({@code DB_PASS}), not as part of another word ({@code PASSTHROUGH}). */
    private static final Pattern PASS_WORD = Pattern.compile("(^|_)PASS(_|$)");
    /** Names that point at a credential rather than hold one. */
    private static final Pattern POINTER = Pattern.compile(
            ".*_(FILE|PATH|DIR|NAME|REF|URL|URI|ENDPOINT|ID|TTL|EXPIRY|TIMEOUT|LENGTH|TYPE|HEADER|ENABLED|MODE)$");
    /** A URL with a password in its user info, such as {@code postgres://app:secret@db:5432/shop}. */
    private static final Pattern URL_PASSWORD = Pattern.compile(
            "[A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]*:([^/\\s@]+)@.*");
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\([A-Za-z_][A-Za-z0-9_.-]*\\)");

    private SecretRedaction() {
    }

    /**
     * True when an environment variable's name suggests that its value is a credential ({@code DB_PASSWORD},
     * {@code apiKey}, {@code DB_PASS}, ...); names that point at one ({@code *_FILE}, {@code *_PATH},
     * {@code *_URL}, {@code *_ID}, ...) do not. Case, dashes, dots and underscores do not matter.
     */
    public static boolean isSecretLookingName(final String name) {
        String upper = name.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
        return !POINTER.matcher(upper).matches()
                && (SENSITIVE.matcher(upper.replace("_", "")).find() || PASS_WORD.matcher(upper).find());
    }

    /**
     * True when a value is a URL with a literal password in its user information
     * ({@code postgres://app:secret@db/shop}); a {@code $(VAR)} reference in its place is not a password.
     */
    public static boolean hasEmbeddedPassword(final String value) {
        Matcher url = URL_PASSWORD.matcher(value.trim());
        return url.matches() && !VARIABLE_REFERENCE.matcher(url.group(1)).matches();
    }

    /**
     * A copy of a Kubernetes object (as plain maps and lists) with secret values replaced by {@link #REDACTED}:
     * every value under {@code data} and {@code stringData} of a {@code Secret} (keys kept), and the literal
     * {@code value} of every environment variable with a secret-looking name, wherever an {@code env} list occurs.
     */
    public static Map<String, @Nullable Object> redact(final Map<String, @Nullable Object> object) {
        Map<String, @Nullable Object> copy = copyMap(object);
        if ("Secret".equals(object.get("kind"))) {
            for (String field : List.of("data", "stringData")) {
                if (copy.get(field) instanceof Map<?, ?> values) {
                    Map<String, @Nullable Object> blank = new LinkedHashMap<>();
                    values.keySet().forEach(k -> blank.put(String.valueOf(k), REDACTED));
                    copy.put(field, blank);
                }
            }
        }
        return copy;
    }

    /** True when the object (as plain maps and lists) holds a value that {@link #redact} replaced. */
    public static boolean containsRedacted(final @Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(SecretRedaction::containsRedacted);
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(SecretRedaction::containsRedacted);
        }
        return REDACTED.equals(value);
    }

    private static Map<String, @Nullable Object> copyMap(final Map<?, ?> map) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            String key = String.valueOf(k);
            copy.put(key, "env".equals(key) && v instanceof List<?> list ? redactEnv(list) : copyValue(v));
        });
        return copy;
    }

    private static @Nullable Object copyValue(final @Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            return copyMap(map);
        }
        if (value instanceof List<?> list) {
            List<@Nullable Object> copy = new ArrayList<>();
            list.forEach(e -> copy.add(copyValue(e)));
            return copy;
        }
        return value;
    }

    private static List<@Nullable Object> redactEnv(final List<?> env) {
        List<@Nullable Object> copy = new ArrayList<>();
        for (Object entry : env) {
            Object value = copyValue(entry);
            if (value instanceof Map<?, ?> variable && variable.get("name") instanceof String name
                    && variable.get("value") != null && (isSecretLookingName(name)
                            || hasEmbeddedPassword(String.valueOf(variable.get("value"))))) {
                @SuppressWarnings("unchecked") // copyValue builds Map<String, Object> for every map
                Map<String, @Nullable Object> typed = (Map<String, @Nullable Object>) variable;
                typed.put("value", REDACTED);
            }
            copy.add(value);
        }
        return copy;
    }
}
