package io.k8sgate.core.model;

import io.k8sgate.core.secret.CredentialDetector;
import java.util.Objects;

/**
 * A problem with the inputs or the run itself, as opposed to a finding about the configuration.
 *
 * @param level    ERROR problems make the gate fail closed unless the policy says otherwise
 * @param code     a stable short code such as {@code yaml-syntax}, {@code helm-template}, {@code unrendered-template},
 *                 {@code not-kubernetes}
 * @param location where the problem is
 * @param message  a sentence for a person, naming what is wrong; credentials in it are replaced
 */
public record Diagnostic(Level level, String code, Location location, String message) {
    /** How serious a diagnostic is. */
    public enum Level { ERROR, WARNING, INFO }

    public Diagnostic {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(location, "location");
        // a message may quote an input (a URL, a line of a file): credentials in it are never shown
        message = CredentialDetector.scrubText(Objects.requireNonNull(message, "message"), Finding.REDACTED);
        if (!CredentialDetector.inText(location.file()).isEmpty()) {
            location = new Location(CredentialDetector.scrubText(location.file(), Finding.REDACTED), location.line(),
                    location.column());
        }
    }

    /** An error: the input could not be used. */
    public static Diagnostic error(final String code, final Location location, final String message) {
        return new Diagnostic(Level.ERROR, code, location, message);
    }

    /** A warning: the input was used, but something is off. */
    public static Diagnostic warning(final String code, final Location location, final String message) {
        return new Diagnostic(Level.WARNING, code, location, message);
    }

    /** A note for the reader that changes nothing. */
    public static Diagnostic info(final String code, final Location location, final String message) {
        return new Diagnostic(Level.INFO, code, location, message);
    }

    /** True for errors. */
    public boolean isError() {
        return level == Level.ERROR;
    }

    @Override
    public String toString() {
        return location + ": " + level.name().toLowerCase(java.util.Locale.ROOT) + ": " + message + " [" + code + "]";
    }
}
