package io.k8sgate.core.secret;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises credentials in manifest values, by what they are and by where they stand:
 *
 * <ul>
 * <li>by format, anywhere in a value: AWS access key ids, GitHub, GitLab, Slack, Stripe, npm, SendGrid and Google API
 * tokens, Slack webhook URLs, JSON Web Tokens, PEM private keys, and the credentials of an {@code Authorization}
 * header ({@code Bearer ...}, {@code Basic ...});</li>
 * <li>by place: the password in the user information of a URL ({@code postgres://app:PASSWORD@db/shop});</li>
 * <li>by name: a literal value under a credential name ({@code DB_PASSWORD}, {@code apiKey}, {@code --db-password},
 * an annotation {@code example.com/token}), also inside text ({@code REDIS_PASSWORD=...} in an env file,
 * {@code password: ...} in an embedded YAML file, {@code "secret": "..."} in JSON), and a random-looking value under a
 * name that only hints at one ({@code key}, {@code auth}, {@code salt}, ...).</li>
 * </ul>
 *
 * Names that point at a credential rather than hold one ({@code *_FILE}, {@code *_PATH}, {@code secretName},
 * {@code passwordSecretRef}, {@code checksum/secret}, ...) and values that are not literals (references such as
 * {@code $(VAR)} and {@code ${VAR}}, templates, flags, paths, masked or empty values) are not credentials. Public
 * certificates, image digests, checksums and UUIDs are not either.
 *
 * <p>Checks report what this finds, baselines digest it, and findings and diagnostics never carry it: one notion of
 * "credential" for every place that keeps or shows manifest values.
 */
public final class CredentialDetector {
    /** Values shorter than this hold no token format and no URL with a password. */
    private static final int SHORTEST_FORMAT = 8;
    private static final int MIN_RANDOM_LENGTH = 16;
    private static final int MIN_RANDOM_HEX_LENGTH = 32;
    private static final double MIN_ENTROPY = 3.5;
    private static final double MIN_HEX_ENTROPY = 3.0;
    private static final int MAX_PASSPHRASE_WORDS = 4;
    private static final int SHORT_NUMBER = 8;
    private static final int MAX_SHOWN_NAME = 60;

    /** Credential formats with the text that must occur for each, so that most values are passed by a scan. */
    private static final List<Format> FORMATS = List.of(
            new Format("an AWS access key id", "(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA"
                    + "|APKA)[A-Z2-7]{16}(?![A-Za-z0-9])", 0, 4,
                    "AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "APKA"),
            new Format("a GitHub token", "(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,251}(?![A-Za-z0-9_])", 0, 4,
                    "ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
            new Format("a GitHub token", "(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,255}", 0, 11, "github_pat_"),
            new Format("a GitLab token", "(?<![A-Za-z0-9_-])gl(?:pat|dt|ptt|rt|cbt|oas)-[A-Za-z0-9_-]{20,}", 0, 5,
                    "glpat-", "gldt-", "glptt-", "glrt-", "glcbt-", "gloas-"),
            new Format("a Slack token", "(?<![A-Za-z0-9])xox[abposre]-[A-Za-z0-9-]{10,}", 0, 5,
                    "xoxa-", "xoxb-", "xoxp-", "xoxo-", "xoxs-", "xoxr-", "xoxe-"),
            new Format("a Slack token", "(?<![A-Za-z0-9])xapp-\\d-[A-Z0-9]+-\\d+-[A-Za-z0-9]+", 0, 5, "xapp-"),
            new Format("a Slack webhook URL", "https://hooks\\.slack\\.com/(?:services|workflows|triggers)/"
                    + "[A-Za-z0-9_/+-]{20,}", 0, 24, "hooks.slack.com/"),
            new Format("a JSON Web Token", "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\."
                    + "[A-Za-z0-9_-]*", 0, 3, "eyJ"),
            new Format("a private key", "-----BEGIN[A-Z0-9 ]{0,40} PRIVATE KEY(?: BLOCK)?-----[\\s\\S]*?"
                    + "(?:-----END[A-Z0-9 ]{0,40} PRIVATE KEY(?: BLOCK)?-----|\\z)", 0, 0, "-----BEGIN"),
            new Format("a Google API key", "(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])", 0, 4, "AIza"),
            new Format("a Stripe secret key", "(?<![A-Za-z0-9])[sr]k_live_[0-9A-Za-z]{20,}", 0, 8,
                    "sk_live_", "rk_live_"),
            new Format("an npm token", "(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])", 0, 4, "npm_"),
            new Format("a SendGrid API key", "(?<![A-Za-z0-9])SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}", 0, 3,
                    "SG."),
            new Format("the credentials of an Authorization header", "(?i)(?<![A-Za-z])(?:bearer|basic)[ \\t]+"
                    + "([A-Za-z0-9._~+/-]{16,}=*)", 1, 0, "Bearer", "bearer", "BEARER", "Basic", "basic", "BASIC"));

    /**
     * A URL with a password in its user information, after one to three slashes ({@code file:///user:pw@/path} is how
     * some tools print a local URL); the password may hold {@code @}, up to the last one before the path.
     */
    private static final Pattern URL_PASSWORD = Pattern.compile(
            "(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,30}:/{1,3}[^/\\s:@?#'\"]*:([^/\\s'\"?#]+)@");
    /**
     * {@code name=value}, {@code name: value}, {@code "name": "value"} and {@code --name value} inside text; an
     * unquoted value after a colon must end its line, so that prose ({@code Password: the password to use}) is not
     * read as an assignment.
     */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?<![A-Za-z0-9_.-])(-{0,2}[A-Za-z_][A-Za-z0-9_.-]{0,100})[\"']?(?:[ \\t]*(=)[ \\t]*|[ \\t]*(:)[ \\t]*)"
                    + "(?:\"([^\"\\r\\n]*)\"|'([^'\\r\\n]*)'|([^\\s\"',;&|)}\\]]+))");
    /** {@code --name value} inside a command line written as one string ({@code sh -c "... --password x"}). */
    private static final Pattern FLAG_VALUE = Pattern.compile(
            "(?<![A-Za-z0-9_.-])(--[A-Za-z][A-Za-z0-9_.-]{0,100})[ \\t]+(?:\"([^\"\\r\\n]*)\"|'([^'\\r\\n]*)'"
                    + "|([^\\s\"'-][^\\s\"';&|)]*))");
    private static final Pattern PEM_TYPE = Pattern.compile("-----BEGIN([A-Z0-9 ]{0,40}) PRIVATE KEY");
    private static final Pattern LINE_END = Pattern.compile("[ \\t]*(?:#.*)?(?:\\r?\\n|\\z)");
    private static final Pattern ARGUMENT_FLAG = Pattern.compile("-{1,2}[A-Za-z][A-Za-z0-9_.-]*");
    private static final Pattern REFERENCE = Pattern.compile(
            "\\$(?:\\(|\\{|[A-Za-z_]).*|.*\\{\\{.*|<[^<>]+>|.*%[sd(].*|.*\\$\\{[^}]*}.*");
    private static final Pattern MASKED = Pattern.compile("[*xX•#._-]+");
    /** A value spelled like a variable name ({@code GOOGLE_API_KEY_VAL}, {@code INSERT_TOKEN_HERE}): a placeholder. */
    private static final Pattern PLACEHOLDER_NAME = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+");
    private static final Pattern PATH = Pattern.compile("(?:~|\\.{1,2})?/\\S*");
    /** A lower-case relative path such as {@code database/creds/shop}: where a secret manager keeps one. */
    private static final Pattern RELATIVE_PATH = Pattern.compile("[a-z0-9_.-]+(?:/[a-z0-9_.-]+)+");
    private static final Pattern PLAIN_URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://\\S*");
    private static final Pattern OBJECT_NAME = Pattern.compile(
            "[a-z0-9](?:[-a-z0-9.]*[a-z0-9])?(?:/[a-z0-9][-a-z0-9.]*)?");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DIGEST = Pattern.compile("(?:sha\\d+|md5):[0-9a-fA-F]+");
    private static final Pattern RANDOM_CHARS = Pattern.compile("[A-Za-z0-9+/=_.~-]+");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+|[0-9A-F]+");

    /** Words of names that hold a credential; matched at the end of a word or of two adjacent words, plural too. */
    private static final List<String> CREDENTIAL_TERMS = List.of("PASSWORD", "PASSWD", "PASSPHRASE", "SECRET",
            "TOKEN", "APIKEY", "PRIVATEKEY", "ACCESSKEY", "SECRETKEY", "CREDENTIAL", "SIGNINGKEY", "ENCRYPTIONKEY",
            "MASTERKEY", "ACCOUNTKEY", "AUTHKEY", "SESSIONKEY");
    /** Words of names that hint at a credential: a value under them counts only when it looks random. */
    private static final Set<String> HINT_WORDS = Set.of("KEY", "KEYS", "AUTH", "AUTHORIZATION", "CREDS", "CRED",
            "COOKIE", "SESSION", "SALT", "HMAC", "SIGNATURE", "SIG", "BEARER", "DSN", "PASSCODE", "LICENSE",
            "LICENCE", "PRIVATE");
    /** Last words of names that point at a credential, or describe it, rather than hold it. */
    private static final Set<String> POINTER_LAST = Set.of("FILE", "FILES", "FILENAME", "PATH", "PATHS", "DIR",
            "DIRECTORY", "FOLDER", "NAME", "NAMES", "REF", "REFS", "REFERENCE", "URL", "URLS", "URI", "ENDPOINT",
            "ENDPOINTS", "HOST", "HOSTNAME", "ADDR", "ADDRESS", "SERVER", "ID", "IDS", "TTL", "EXPIRY", "EXPIRES",
            "EXPIRATION", "TIMEOUT", "LENGTH", "LEN", "TYPE", "TYPES", "HEADER", "ENABLED", "ENABLE", "DISABLED",
            "MODE", "POLICY", "FORMAT", "FIELD", "PARAM", "PROMPT", "HINT", "RESET", "ROTATION", "AGE", "LIFETIME",
            "DURATION", "INTERVAL", "PERIOD", "SECONDS", "MINUTES", "HOURS", "DAYS", "COUNT", "SIZE", "LIMIT", "MIN",
            "MAX", "REQUIRED", "SOURCE", "PROVIDER", "STORE", "MANAGER", "ISSUER", "AUDIENCE", "SCOPE", "SCOPES",
            "VERSION", "PREFIX", "SUFFIX", "TEMPLATE", "SELECTOR", "LABEL", "ANNOTATION", "ENV", "VAR", "VARIABLE",
            "PORT", "PROTOCOL", "METHOD", "ALGORITHM", "ALG", "STRATEGY", "BACKEND", "CLASS", "KIND", "MOUNT",
            "VOLUME", "LOCATION", "RELOAD", "SYNC", "NAMESPACE", "USER", "USERNAME", "LOGIN", "EMAIL", "REGEX",
            "PATTERN", "RULE", "RULES", "PROJECTION", "REVIEW", "REQUEST", "RESPONSE", "STATUS");
    /** First words of names that configure a credential rather than hold it. */
    private static final Set<String> POINTER_FIRST = Set.of("EXISTING", "MAX", "MIN", "NUM", "NUMBER", "ENABLE",
            "ENABLED", "DISABLE", "USE", "SKIP", "REQUIRE", "REQUIRED", "ALLOW", "IS", "HAS", "SHOW", "HIDE", "NO",
            "IGNORE", "VALIDATE", "VERIFY", "GENERATE", "AUTO", "AUTOMOUNT", "INSECURE");
    /** Words that make a whole name about a fingerprint of a credential, never the credential. */
    private static final Set<String> POINTER_ANY = Set.of("CHECKSUM", "HASH", "HASHED", "DIGEST", "SHA", "SHA1",
            "SHA256", "SHA512", "MD5", "FINGERPRINT");
    /** Words before {@code KEY} that make it the key of a Secret that holds the credential ({@code passwordKey}). */
    private static final Set<String> SECRET_ENTRY_WORDS = Set.of("PASSWORD", "PASSWD", "TOKEN", "USERNAME", "USER",
            "CREDENTIALS", "CREDENTIAL");
    /** Words before {@code SECRET} that make it a credential even when it looks like an object name. */
    private static final Set<String> SECRET_VALUE_WORDS = Set.of("CLIENT", "APP", "API", "SHARED", "WEBHOOK",
            "JWT", "SESSION", "COOKIE", "OAUTH", "HMAC", "SIGNING", "ENCRYPTION", "CONSUMER", "ACCESS", "BOT");
    private static final Set<String> PASSWORD_WORDS = Set.of("PASSWORD", "PASSWD", "PASS", "PWD", "PIN", "PASSCODE",
            "PASSWORDS");
    private static final Set<String> FLAGS = Set.of("true", "false", "yes", "no", "on", "off", "null", "none", "nil",
            "~", "undefined", "n/a", "y", "n");
    /** Lower-case fragments of credential and hint names: text without any of them holds no assignment. */
    private static final List<String> NAME_FRAGMENTS = List.of("pass", "secret", "token", "key", "cred", "auth",
            "pwd", "salt", "cookie", "session", "sig", "hmac", "dsn", "licen", "bearer", "private");

    /** The anchors of the formats, by their first character, for one scan over a value. */
    private static final Anchor[][] ANCHORS = anchors();
    /** The name fragments by their first character. */
    private static final String[][] FRAGMENTS = fragments();
    /** Names seen, with what they say; bounded like the parser's table of key names, since inputs choose them. */
    private static final ConcurrentHashMap<String, NameInfo> NAMES = new ConcurrentHashMap<>();
    private static final int MAX_NAMES = 8_192;
    private static final int MAX_CACHED_NAME = 128;

    private CredentialDetector() {
    }

    /**
     * A credential in a value.
     *
     * @param start where it starts in the value
     * @param end   where it ends (exclusive)
     * @param kind  what it is, as a phrase ({@code a GitHub token}, {@code a password in a URL})
     * @param shown the part that may be shown: the public prefix of a token format ({@code ghp_}), empty otherwise
     */
    public record Credential(int start, int end, String kind, String shown) {
        public Credential {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(shown, "shown");
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("empty or negative span " + start + ".." + end);
            }
        }

        /** The kind, with the visible prefix when there is one: {@code a GitHub token (ghp_…)}. */
        public String describe() {
            return shown.isEmpty() ? kind : kind + " (" + shown + "…)";
        }
    }

    /**
     * The credentials in a value stored under a name: an environment variable's name, a data key, an annotation key,
     * a mapping key, a command-line flag; {@code ""} when the value has no name.
     *
     * @return the credentials, ordered and not overlapping; empty when there is none
     */
    public static List<Credential> inValue(final String name, final String value) {
        if (value.length() < SHORTEST_FORMAT && nameInfo(name).kind() == NameKind.NONE && value.indexOf('=') < 0
                && value.indexOf(':') < 0) {
            return List.of(); // most values: short, under a name that says nothing, with no setting in them
        }
        List<Credential> found = new ArrayList<>();
        if (value.length() >= SHORTEST_FORMAT) {
            formats(value, found);
            urlPasswords(value, found);
        }
        Optional<Credential> whole = named(name, value);
        if (whole.isPresent()) {
            // under a credential name the whole value is secret; a format found in it says best what it is
            Credential w = whole.get();
            Credential first = found.stream().min(Comparator.comparingInt(Credential::start)).orElse(w);
            return List.of(new Credential(w.start(), w.end(), first.kind(), first.shown()));
        }
        assignments(value, found);
        return merged(found);
    }

    /**
     * The credentials in free text (a message, a location), recognised by their format and in URLs only: prose is
     * never read for names.
     */
    public static List<Credential> inText(final String text) {
        if (text.length() < SHORTEST_FORMAT) {
            return List.of();
        }
        List<Credential> found = new ArrayList<>();
        formats(text, found);
        urlPasswords(text, found);
        return merged(found);
    }

    /** The text with every credential {@link #inText} finds replaced by {@code replacement}. */
    public static String scrubText(final String text, final String replacement) {
        List<Credential> found = inText(text);
        return found.isEmpty() ? text : replace(text, found, replacement);
    }

    /** The value with the given credentials (as returned for it) replaced, each by {@code replacement}. */
    public static String replace(final String value, final List<Credential> credentials, final String replacement) {
        return replace(value, credentials, c -> replacement);
    }

    /** The value with the given credentials (as returned for it) replaced, each by what the function makes of it. */
    public static String replace(final String value, final List<Credential> credentials,
            final Function<Credential, String> replacement) {
        StringBuilder out = new StringBuilder(value.length());
        int at = 0;
        for (Credential c : credentials) {
            out.append(value, at, c.start()).append(replacement.apply(c));
            at = c.end();
        }
        return out.append(value, at, value.length()).toString();
    }

    /**
     * True when a name says that its value is a credential ({@code DB_PASSWORD}, {@code apiKey}, {@code DB_PASS},
     * {@code --db-password}, {@code example.com/token}); names that point at one ({@code *_FILE}, {@code *_PATH},
     * {@code *_URL}, {@code *_ID}, {@code secretName}, {@code passwordKey}, {@code checksum/secret}, ...) do not.
     * Case, camel case, dashes, dots and underscores do not matter; for a prefixed key only the part after the last
     * {@code /} is the name.
     */
    public static boolean isCredentialName(final String name) {
        return nameInfo(name).kind() == NameKind.CREDENTIAL;
    }

    /**
     * The name a command-line argument gets from the one before it: {@code --password} names the next argument,
     * {@code --password=x} and {@code -v} name nothing that follows. Empty when the previous argument is not a flag.
     */
    public static String argumentName(final String previous) {
        return ARGUMENT_FLAG.matcher(previous).matches() ? previous : "";
    }

    /** A literal value under a credential name, or a random-looking one under a hint name, as one credential. */
    private static Optional<Credential> named(final String name, final String value) {
        NameInfo info = nameInfo(name);
        if (info.kind() == NameKind.NONE) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        boolean credential = info.kind() == NameKind.HINT ? looksRandom(trimmed) : isLiteralCredential(info, trimmed);
        if (!credential) {
            return Optional.empty();
        }
        String kind = info.password() ? "a password"
                : info.kind() == NameKind.CREDENTIAL ? "a credential" : "a random-looking key";
        int start = value.indexOf(trimmed);
        return Optional.of(new Credential(start, start + trimmed.length(), kind, ""));
    }

    /** What a name says about its value. */
    private enum NameKind { NONE, CREDENTIAL, HINT }

    /**
     * What a name says about its value, worked out once per name.
     *
     * @param kind           nothing, a credential, or a hint at one (then only random-looking values count)
     * @param password       the name says password (for messages, and numbers count too)
     * @param objectNameOnly the name ends with {@code secret} in a way that names a Secret object when the value looks
     *                       like an object name ({@code tls-secret: web-tls}, but not {@code clientSecret})
     */
    private record NameInfo(NameKind kind, boolean password, boolean objectNameOnly) {
        static final NameInfo NONE = new NameInfo(NameKind.NONE, false, false);
    }

    private static NameInfo nameInfo(final String name) {
        if (name.isEmpty()) {
            return NameInfo.NONE;
        }
        NameInfo known = NAMES.get(name);
        if (known != null) {
            return known;
        }
        NameInfo info = classify(name);
        if (name.length() <= MAX_CACHED_NAME && NAMES.size() < MAX_NAMES) {
            NAMES.putIfAbsent(name, info);
        }
        return info;
    }

    private static NameInfo classify(final String name) {
        List<String> words = words(name);
        if (words.isEmpty() || isPointer(name, words)) {
            return NameInfo.NONE;
        }
        boolean password = words.stream().anyMatch(PASSWORD_WORDS::contains);
        if (holdsCredential(words)) {
            String last = words.get(words.size() - 1);
            boolean objectName = (last.equals("SECRET") || last.equals("SECRETS"))
                    && (words.size() == 1 || !SECRET_VALUE_WORDS.contains(words.get(words.size() - 2)));
            return new NameInfo(NameKind.CREDENTIAL, password, objectName);
        }
        return words.stream().anyMatch(HINT_WORDS::contains) ? new NameInfo(NameKind.HINT, password, false)
                : NameInfo.NONE;
    }

    private static boolean holdsCredential(final List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("PASS") || (word.equals("PWD") && words.size() > 1) || endsWithTerm(word)
                    || (i + 1 < words.size() && endsWithTerm(word + words.get(i + 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithTerm(final String word) {
        for (String term : CREDENTIAL_TERMS) {
            if (word.endsWith(term) || word.endsWith(term + "S")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPointer(final String name, final List<String> words) {
        String last = words.get(words.size() - 1);
        if (POINTER_LAST.contains(last) || POINTER_FIRST.contains(words.get(0))) {
            return true;
        }
        if ((last.equals("KEY") || last.equals("KEYS")) && words.size() > 1
                && SECRET_ENTRY_WORDS.contains(words.get(words.size() - 2))) {
            return true;
        }
        return words(name.replace('/', '.')).stream().anyMatch(POINTER_ANY::contains);
    }

    /** True when a value under a credential name is a literal that can be one. */
    private static boolean isLiteralCredential(final NameInfo name, final String value) {
        if (!isLiteral(value)) {
            return false;
        }
        if (!name.password() && value.length() < SHORT_NUMBER && DIGITS.matcher(value).matches()) {
            return false;
        }
        if (name.objectNameOnly() && OBJECT_NAME.matcher(value).matches()) {
            return false; // the name of a Secret object: {@code tls-secret: web-tls}
        }
        return !PLAIN_URL.matcher(value).matches() && !RELATIVE_PATH.matcher(value).matches()
                && value.split("\\s+").length <= MAX_PASSPHRASE_WORDS;
    }

    /**
     * True when a value is written out rather than referenced: not empty, not a flag, not a {@code $(VAR)},
     * {@code ${VAR}} or template reference, not masked ({@code ****}), not a placeholder spelled like a variable
     * ({@code DB_PASSWORD_VALUE}), not a path, and with a letter or a digit.
     */
    public static boolean isLiteral(final String value) {
        String trimmed = value.strip();
        return !trimmed.isEmpty() && !FLAGS.contains(trimmed.toLowerCase(Locale.ROOT))
                && !REFERENCE.matcher(trimmed).matches() && !MASKED.matcher(trimmed).matches()
                && !PLACEHOLDER_NAME.matcher(trimmed).matches()
                && !PATH.matcher(trimmed).matches() && trimmed.chars().anyMatch(Character::isLetterOrDigit);
    }

    /**
     * True when a value looks machine-generated: long, from the alphabets of keys and tokens (base64, hex, URL-safe),
     * with letters and digits and enough entropy. UUIDs and digests ({@code sha256:...}) do not count; neither do
     * lower-case names such as {@code coredns-7db6d8ff4d}.
     */
    static boolean looksRandom(final String value) {
        if (value.length() < MIN_RANDOM_LENGTH || !RANDOM_CHARS.matcher(value).matches()
                || UUID.matcher(value).matches() || DIGEST.matcher(value).matches()) {
            return false;
        }
        boolean digit = value.chars().anyMatch(Character::isDigit);
        boolean upper = value.chars().anyMatch(Character::isUpperCase);
        boolean lower = value.chars().anyMatch(Character::isLowerCase);
        if (!digit || (!upper && !lower)) {
            return false;
        }
        if (HEX.matcher(value).matches()) {
            return value.length() >= MIN_RANDOM_HEX_LENGTH && entropy(value) >= MIN_HEX_ENTROPY;
        }
        return upper && lower && entropy(value) >= MIN_ENTROPY;
    }

    /** Shannon entropy in bits per character. */
    static double entropy(final String value) {
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < counts.length) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double bits = 0;
        for (int n : counts) {
            bits += term(n, value.length());
        }
        return bits + term(other, value.length());
    }

    private static double term(final int count, final int length) {
        if (count == 0) {
            return 0;
        }
        double p = (double) count / length;
        return -p * Math.log(p) / Math.log(2);
    }

    private static void formats(final String value, final List<Credential> found) {
        boolean[] candidates = new boolean[FORMATS.size()];
        boolean any = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < ANCHORS.length && ANCHORS[c] != null) {
                for (Anchor a : ANCHORS[c]) {
                    if (!candidates[a.format()] && value.startsWith(a.text(), i)) {
                        candidates[a.format()] = true;
                        any = true;
                    }
                }
            }
        }
        if (!any) {
            return;
        }
        for (int f = 0; f < FORMATS.size(); f++) {
            if (candidates[f]) {
                Format format = FORMATS.get(f);
                Matcher m = format.pattern().matcher(value);
                while (m.find()) {
                    int start = m.start(format.group());
                    int end = m.end(format.group());
                    if (format.group() == 0 || looksRandom(value.substring(start, end))) {
                        found.add(new Credential(start, end, kind(format, value, start),
                                shown(format, value, start, end)));
                    }
                }
            }
        }
    }

    private static String shown(final Format format, final String value, final int start, final int end) {
        return format.visible() > 0 ? value.substring(start, Math.min(end, start + format.visible())) : "";
    }

    /** The kind of a match: for a private key with its type from the header ({@code a private key (EC)}). */
    private static String kind(final Format format, final String value, final int start) {
        Matcher header = PEM_TYPE.matcher(value).region(start, value.length());
        if (!format.anchors().get(0).equals("-----BEGIN") || !header.lookingAt() || header.group(1).isBlank()) {
            return format.kind();
        }
        return format.kind() + " (" + header.group(1).strip() + ")";
    }

    private static void urlPasswords(final String value, final List<Credential> found) {
        if (!value.contains(":/") || value.indexOf('@') < 0) {
            return;
        }
        Matcher m = URL_PASSWORD.matcher(value);
        while (m.find()) {
            if (isLiteral(m.group(1))) {
                found.add(new Credential(m.start(1), m.end(1), "a password in a URL", ""));
            }
        }
    }

    private static void assignments(final String value, final List<Credential> found) {
        if ((value.indexOf('=') < 0 && value.indexOf(':') < 0 && value.indexOf("--") < 0) || !hasNameFragment(value)) {
            return;
        }
        Matcher m = ASSIGNMENT.matcher(value);
        while (m.find()) {
            int group = m.group(4) != null ? 4 : m.group(5) != null ? 5 : 6;
            boolean colon = m.group(3) != null;
            if (group == 6 && colon && !LINE_END.matcher(value).region(m.end(), value.length()).lookingAt()) {
                continue; // prose, not an assignment
            }
            assigned(m.group(1), m.start(group), m.group(group), found);
        }
        Matcher flag = FLAG_VALUE.matcher(value);
        while (flag.find()) {
            int group = flag.group(2) != null ? 2 : flag.group(3) != null ? 3 : 4;
            assigned(flag.group(1), flag.start(group), flag.group(group), found);
        }
    }

    private static void assigned(final String name, final int at, final String value, final List<Credential> found) {
        named(name, value).ifPresent(c -> found.add(new Credential(at + c.start(), at + c.end(),
                c.kind() + " in the setting '" + shortened(name) + "'", "")));
    }

    private static String shortened(final String name) {
        return name.length() <= MAX_SHOWN_NAME ? name : name.substring(0, MAX_SHOWN_NAME) + "…";
    }

    /** True when a credential or hint name may occur in the text; one pass, no copy of the text. */
    private static boolean hasNameFragment(final String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = Character.toLowerCase(value.charAt(i));
            if (c < FRAGMENTS.length && FRAGMENTS[c] != null) {
                for (String fragment : FRAGMENTS[c]) {
                    if (value.regionMatches(true, i, fragment, 0, fragment.length())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Sorted, with overlapping spans joined (the first one's description kept). */
    private static List<Credential> merged(final List<Credential> found) {
        if (found.size() < 2) {
            return List.copyOf(found);
        }
        List<Credential> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(Credential::start).thenComparing(c -> -c.end()));
        List<Credential> out = new ArrayList<>();
        for (Credential c : sorted) {
            Credential last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && c.start() < last.end()) {
                out.set(out.size() - 1, new Credential(last.start(), Math.max(last.end(), c.end()), last.kind(),
                        last.shown()));
            } else {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The words of a name, upper case: split at anything but letters and digits and at camel-case humps
     * ({@code apiKey}, {@code JWTSecret}); for a prefixed key ({@code example.com/db-password}) only the part after
     * the last {@code /}.
     */
    static List<String> words(final String name) {
        String key = name.substring(name.lastIndexOf('/') + 1);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(word, words);
                continue;
            }
            if (Character.isUpperCase(c) && word.length() > 0) {
                char before = key.charAt(i - 1);
                boolean hump = Character.isLowerCase(before) || Character.isDigit(before);
                boolean acronymEnd = Character.isUpperCase(before) && i + 1 < key.length()
                        && Character.isLowerCase(key.charAt(i + 1));
                if (hump || acronymEnd) {
                    flush(word, words);
                }
            }
            word.append(Character.toUpperCase(c));
        }
        flush(word, words);
        return words;
    }

    private static void flush(final StringBuilder word, final List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static String[][] fragments() {
        String[][] table = new String[128][];
        for (String fragment : NAME_FRAGMENTS) {
            char first = fragment.charAt(0);
            String[] row = table[first] == null ? new String[0] : table[first];
            String[] longer = java.util.Arrays.copyOf(row, row.length + 1);
            longer[row.length] = fragment;
            table[first] = longer;
        }
        return table;
    }

    private static Anchor[][] anchors() {
        Anchor[][] table = new Anchor[128][];
        for (int f = 0; f < FORMATS.size(); f++) {
            for (String text : FORMATS.get(f).anchors()) {
                char first = text.charAt(0);
                Anchor[] row = table[first] == null ? new Anchor[0] : table[first];
                Anchor[] longer = java.util.Arrays.copyOf(row, row.length + 1);
                longer[row.length] = new Anchor(text, f);
                table[first] = longer;
            }
        }
        return table;
    }

    /** A credential format: what it is, its pattern, the group that is the credential, how much may be shown. */
    private record Format(String kind, Pattern pattern, int group, int visible, List<String> anchors) {
        Format(final String kind, final String regex, final int group, final int visible, final String... anchors) {
            this(kind, Pattern.compile(regex), group, visible, List.of(anchors));
        }
    }

    /** Text that must occur for a format to match. */
    private record Anchor(String text, int format) {
    }
}
