package io.k8sgate.core.baseline;

import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.ResourceRef;
import java.util.Objects;

/**
 * What a baseline keeps of a finding: enough to name it when it is fixed later, nothing that could hold a value
 * from the manifests beyond names and paths.
 *
 * @param fingerprint the finding's stable identity
 * @param checkId     the check
 * @param severity    the effective severity when it was recorded
 * @param resource    the object
 * @param container   the container, empty when none
 * @param fieldPath   the offending field
 * @param suppressed  whether an exemption applied
 */
public record BaselineFinding(String fingerprint, String checkId, String severity, ResourceRef resource,
        String container, String fieldPath, boolean suppressed) {
    public BaselineFinding {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(fieldPath, "fieldPath");
    }

    /** The baseline's view of a finding. */
    public static BaselineFinding of(final Finding f) {
        return new BaselineFinding(f.fingerprint(), f.checkId(), f.severity().name(), f.resource(), f.container(),
                f.fieldPath(), f.isSuppressed());
    }

    /** {@code CHECK Kind/ns/name [container] path}, for people. */
    public String display() {
        return checkId + " " + resource.display() + (container.isEmpty() ? "" : " [" + container + "]")
                + (fieldPath.isEmpty() ? "" : " " + fieldPath);
    }
}
