package io.k8sgate.core.model;

import io.k8sgate.core.secret.CredentialDetector;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One problem found in the inputs.
 *
 * @param checkId     the check that found it
 * @param title       the check's title
 * @param severity    the effective severity (after policy overrides and context)
 * @param category    the check's area
 * @param resource    the object (or image) concerned
 * @param container   the container name, empty when the finding is not about one container
 * @param location    file and line of the offending field (or of the nearest enclosing one when the field is absent)
 * @param fieldPath   the path of the offending field inside the object, such as
 *                    {@code spec.template.spec.containers[0].securityContext.privileged}
 * @param message     what is wrong, for a person; never contains secret values (credentials that
 *                    {@link CredentialDetector#inText} recognises are replaced by {@value #REDACTED})
 * @param remediation what to do
 * @param references  URLs
 * @param equivalents ids of the same control in other tools
 * @param fingerprint stable identity across line moves and reformatting (check, resource, container, field path)
 * @param suppression why the finding does not count, if it does not
 * @param properties  extra facts of the finding by name (image, package, versions, escalation path, ...), sorted
 */
public record Finding(String checkId, String title, Severity severity, Category category, ResourceRef resource,
        String container, Location location, String fieldPath, String message, String remediation,
        List<String> references, Map<String, List<String>> equivalents, String fingerprint,
        Optional<Suppression> suppression, Map<String, String> properties) {

    /** What stands for a credential in a message or property. */
    public static final String REDACTED = "(redacted)";

    /** One digest per thread: looking the algorithm up for every finding costs more than hashing it. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    });

    public Finding {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(fieldPath, "fieldPath");
        // a check never means to show a credential; one that shows a value holding one still cannot leak it
        message = CredentialDetector.scrubText(Objects.requireNonNull(message, "message"), REDACTED);
        Objects.requireNonNull(remediation, "remediation");
        references = List.copyOf(references);
        // metadata hands over its own unmodifiable, sorted map: wrapping keeps the order and copies nothing
        equivalents = Collections.unmodifiableMap(equivalents);
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(suppression, "suppression");
        // a check never means to show a credential in a property either; values are kept in two sorted arrays
        properties = SortedProperties.of(properties, v -> CredentialDetector.scrubText(v, REDACTED));
    }

    /** A finding of the given check about a field of a resource. */
    public static Finding of(final CheckMetadata check, final ResourceRef resource, final String container,
            final Location location, final String fieldPath, final String message) {
        return new Finding(check.id(), check.title(), check.severity(), check.category(), resource, container,
                location, fieldPath, message, check.remediation(), check.references(), check.equivalents(),
                fingerprint(check.id(), resource, container, fieldPath), Optional.empty(), Map.of());
    }

    /**
     * The stable identity of a finding: the check, the resource, the container and the field path. Line numbers are
     * left out on purpose so that moving or reformatting a manifest does not make a finding "new".
     */
    public static String fingerprint(final String checkId, final ResourceRef resource, final String container,
            final String fieldPath) {
        String key = String.join("\u001f", checkId, resource.kind(), resource.namespace(), resource.name(),
                container, fieldPath);
        byte[] digest = SHA256.get().digest(key.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    /**
     * The fingerprint of a finding about one of several different definitions of the same object (kind, namespace,
     * name): {@code origin} (the file or rendered source of that definition) keeps each definition's findings apart.
     */
    public static String fingerprint(final String checkId, final ResourceRef resource, final String container,
            final String fieldPath, final String origin) {
        return fingerprint(checkId, resource, container, fieldPath + "\u001f" + origin);
    }

    /** True when a suppression applies. */
    public boolean isSuppressed() {
        return suppression.isPresent();
    }

    /** The same finding with another severity. */
    public Finding withSeverity(final Severity newSeverity) {
        return new Finding(checkId, title, newSeverity, category, resource, container, location, fieldPath, message,
                remediation, references, equivalents, fingerprint, suppression, properties);
    }

    /** The same finding at another place (a finding on a rendered object, moved to the file a person edits). */
    public Finding withLocation(final Location newLocation) {
        return new Finding(checkId, title, severity, category, resource, container, newLocation, fieldPath, message,
                remediation, references, equivalents, fingerprint, suppression, properties);
    }

    /** The same finding with another fingerprint. */
    public Finding withFingerprint(final String newFingerprint) {
        return new Finding(checkId, title, severity, category, resource, container, location, fieldPath, message,
                remediation, references, equivalents, newFingerprint, suppression, properties);
    }

    /** The same finding, suppressed. */
    public Finding withSuppression(final Suppression newSuppression) {
        return new Finding(checkId, title, severity, category, resource, container, location, fieldPath, message,
                remediation, references, equivalents, fingerprint, Optional.of(newSuppression), properties);
    }

    /** The same finding with one more property. */
    public Finding withProperty(final String name, final String value) {
        Map<String, String> all = new TreeMap<>(properties);
        all.put(name, value);
        return new Finding(checkId, title, severity, category, resource, container, location, fieldPath, message,
                remediation, references, equivalents, fingerprint, suppression, all);
    }

    /** The same finding with more properties. */
    public Finding withProperties(final Map<String, String> more) {
        Map<String, String> all = new TreeMap<>(properties);
        all.putAll(more);
        return new Finding(checkId, title, severity, category, resource, container, location, fieldPath, message,
                remediation, references, equivalents, fingerprint, suppression, all);
    }
}
