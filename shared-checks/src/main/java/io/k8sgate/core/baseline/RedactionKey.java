package io.k8sgate.core.baseline;

import io.k8sgate.core.input.SecretRedaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The key of the digests that stand for secret values in baselines: {@code (redacted hmac:KEYID:DIGEST)}, an
 * HMAC-SHA-256 of the value. The same value under the same key always gives the same digest, so a changed secret is
 * still seen as drift; without the key, a digest cannot be turned back into its value or checked against guesses,
 * however short the value is. The key is therefore never kept next to the baselines: it comes from
 * <ol>
 * <li>the environment variable {@value #VARIABLE} (the key itself; in CI from the CI's credential store, the same
 * for every agent that shares a store), or</li>
 * <li>the file named by {@value #FILE_VARIABLE}, or</li>
 * <li>the user's own key file {@code $XDG_CONFIG_HOME/k8s-security/baseline.key} (by default
 * {@code ~/.config/k8s-security/baseline.key}), created with a random key, readable by its owner only, the first time
 * it is needed.</li>
 * </ol>
 * When none can be read or created, the run uses a random key of its own: its digests hide the values but cannot be
 * compared with any other run's. Every digest names its key by a short id (a keyed digest of a constant), so a
 * comparison between digests of two keys is reported as such rather than as a change.
 */
public final class RedactionKey {
    /** The environment variable that holds the key. */
    public static final String VARIABLE = "K8S_SECURITY_BASELINE_KEY";
    /** The environment variable that names a file holding the key. */
    public static final String FILE_VARIABLE = "K8S_SECURITY_BASELINE_KEY_FILE";
    /** The shortest key accepted, in characters: shorter ones could be guessed. */
    public static final int MIN_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final int DIGEST_BYTES = 16;
    private static final int ID_BYTES = 4;
    private static final int GENERATED_BYTES = 32;
    private static final Pattern MARKER = Pattern.compile("\\(redacted hmac:([0-9a-f]{8}):[0-9a-f]{32}\\)");
    private static @Nullable RedactionKey standard;

    private final SecretKeySpec key;
    private final String id;
    private final String origin;
    private final boolean shared;
    private final ThreadLocal<Mac> mac;

    private RedactionKey(final byte[] secret, final String origin, final boolean shared) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.origin = Objects.requireNonNull(origin, "origin");
        this.shared = shared;
        this.mac = ThreadLocal.withInitial(this::newMac);
        this.id = HexFormat.of().formatHex(hmac("k8s-security-gate redaction key id"), 0, ID_BYTES);
    }

    /**
     * A key from its text.
     *
     * @param secret the key, at least {@value #MIN_LENGTH} characters
     * @param origin where it comes from, for messages
     * @throws BaselineException when it is too short
     */
    public static RedactionKey of(final String secret, final String origin) {
        String trimmed = secret.strip();
        if (trimmed.length() < MIN_LENGTH) {
            throw new BaselineException("The baseline redaction key from " + origin + " has " + trimmed.length()
                    + " characters; it needs at least " + MIN_LENGTH + " (for example the output of "
                    + "`openssl rand -base64 32`), so that the digests of secret values cannot be guessed");
        }
        return new RedactionKey(trimmed.getBytes(StandardCharsets.UTF_8), origin, true);
    }

    /** A random key for this run only: digests hide the values but match no other run's. */
    public static RedactionKey ephemeral(final String why) {
        byte[] secret = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(secret);
        return new RedactionKey(secret, "a key of this run only (" + why + ")", false);
    }

    /**
     * The key of this process: from the environment and the user's key file, resolved once.
     *
     * @throws BaselineException when a configured key is too short or its file cannot be read
     */
    public static synchronized RedactionKey standard() {
        if (standard == null) {
            String home = System.getProperty("user.home", "");
            standard = resolve(System.getenv(), home.isEmpty() ? Optional.empty() : Optional.of(Paths.get(home)));
        }
        return standard;
    }

    /**
     * The key an explicit environment names ({@value #VARIABLE} or {@value #FILE_VARIABLE}, such as a build's
     * environment handed to the agent that runs the gate), or the process's {@link #standard} key when it names none.
     *
     * @throws BaselineException when the named key is too short or its file cannot be read
     */
    public static RedactionKey from(final Map<String, String> environment) {
        boolean named = !environment.getOrDefault(VARIABLE, "").isBlank()
                || !environment.getOrDefault(FILE_VARIABLE, "").isBlank();
        return named ? resolve(environment, Optional.empty()) : standard();
    }

    /**
     * The key the given environment and home directory lead to (see the class description).
     *
     * @throws BaselineException when a configured key is too short or its file cannot be read
     */
    static RedactionKey resolve(final Map<String, String> environment, final Optional<Path> home) {
        String value = environment.getOrDefault(VARIABLE, "");
        if (!value.isBlank()) {
            return of(value, "the environment variable " + VARIABLE);
        }
        String file = environment.getOrDefault(FILE_VARIABLE, "");
        if (!file.isBlank()) {
            Path path = Paths.get(file);
            try {
                return of(Files.readString(path, StandardCharsets.UTF_8), path.toString());
            } catch (IOException e) {
                throw new BaselineException("Cannot read the baseline redaction key file " + path + " named by "
                        + FILE_VARIABLE + ": " + e.getMessage(), e);
            }
        }
        String config = environment.getOrDefault("XDG_CONFIG_HOME", "");
        Optional<Path> base = config.isBlank() ? home.map(h -> h.resolve(".config")) : Optional.of(Paths.get(config));
        if (base.isEmpty()) {
            return ephemeral("no home directory for a key file; set " + VARIABLE);
        }
        return userKey(base.get().resolve("k8s-security").resolve("baseline.key"));
    }

    private static RedactionKey userKey(final Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return of(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            return ephemeral("cannot keep a key in " + file + ": " + e.getMessage() + "; set " + VARIABLE);
        }
    }

    private static void create(final Path file) throws IOException {
        Path dir = Objects.requireNonNull(file.getParent(), "parent");
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        byte[] secret = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(secret);
        Path temp = dir.resolve(".baseline.key-" + Long.toHexString(new SecureRandom().nextLong()));
        if (posix) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temp);
        }
        try {
            Files.writeString(temp, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.UTF_8);
            // another process may create the key meanwhile: a link never replaces a file, so the first one wins and
            // every process reads that one
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            return;
        } catch (UnsupportedOperationException | IOException e) {
            if (!Files.exists(file)) {
                Files.move(temp, file);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The marker that stands for {@code value} in a baseline: {@code (redacted hmac:KEYID:DIGEST)}. */
    public String digest(final String value) {
        return "(redacted hmac:" + id + ":" + HexFormat.of().formatHex(hmac(value), 0, DIGEST_BYTES) + ")";
    }

    /** The short id every digest of this key carries. */
    public String id() {
        return id;
    }

    /** Where the key comes from, for messages. */
    public String origin() {
        return origin;
    }

    /** False for a key of this run only, whose digests no other run can compare with. */
    public boolean isShared() {
        return shared;
    }

    /**
     * The key ids of the digests in a value; {@code "unkeyed"} for a value redacted without a digest (a baseline
     * recorded before values were digested).
     */
    public static Set<String> keyIds(final String value) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = MARKER.matcher(value);
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (value.contains(SecretRedaction.REDACTED)) {
            ids.add("unkeyed");
        }
        return ids;
    }

    /** The value with every digest replaced by {@link SecretRedaction#REDACTED}, to compare what is not secret. */
    public static String withoutDigests(final String value) {
        return MARKER.matcher(value).replaceAll(Matcher.quoteReplacement(SecretRedaction.REDACTED));
    }

    private byte[] hmac(final String value) {
        return mac.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance(ALGORITHM);
            m.init(key);
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "RedactionKey[" + id + " from " + origin + "]";
    }
}
