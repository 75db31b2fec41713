package io.k8sgate.core.check.image;

import io.k8sgate.core.input.Container;
import io.k8sgate.core.input.ImageRef;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.input.trivy.TrivySeverity;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.model.ResourceRef;
import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Building findings about an image (rather than about one object). */
final class ImageFindings {
    /** The kind of {@link ResourceRef} that names an image. */
    static final String IMAGE_KIND = "Image";
    /**
     * The image an image-policy finding is about. Deliberately not {@code FindingProperties.IMAGE}, which marks
     * vulnerabilities (the reports group those by image).
     */
    static final String IMAGE_REFERENCE = "imageReference";

    private ImageFindings() {
    }

    /** The resource that names an image in findings: kind {@code Image}, name the normalised reference. */
    static ResourceRef resource(final ImageRef image) {
        return new ResourceRef(IMAGE_KIND, "", image.canonical());
    }

    /**
     * A finding about an image, located at the {@code image:} field of the first container that runs it, with a
     * fingerprint built from the check, the image's repository (without tag or digest) and {@code key}.
     *
     * <p>Leaving tag and digest out of the identity is deliberate: after a tag bump, a vulnerability that the new tag
     * still carries is the same known debt, not a new finding; one the bump fixed disappears (fixed), and one the bump
     * brought in is new.
     */
    static Finding about(final CheckMetadata check, final ImageRef image, final List<Container> containers,
            final Severity severity, final String key, final String message, final Map<String, String> properties) {
        YamlNode at = containers.get(0).field("image");
        Finding base = Finding.of(check, resource(image), "", at.location(), at.fieldPath(), message);
        String fingerprint = Finding.fingerprint(check.id(), new ResourceRef(IMAGE_KIND, "", image.name()), "", key);
        return new Finding(base.checkId(), base.title(), severity, base.category(), base.resource(), "",
                base.location(), base.fieldPath(), message, base.remediation(), base.references(), base.equivalents(),
                fingerprint, Optional.empty(), properties);
    }

    /** A finding a cluster scan made about an object of the manifests, located at the object. */
    static Finding aboutObject(final CheckMetadata check, final K8sObject object, final Severity severity,
            final String key, final String message, final Map<String, String> properties) {
        Finding base = Finding.of(check, object.ref(), "", object.location(), key, message);
        return new Finding(base.checkId(), base.title(), severity, base.category(), base.resource(), "",
                base.location(), "", message, base.remediation(), base.references(), base.equivalents(),
                base.fingerprint(), Optional.empty(), properties);
    }

    /** A finding about a file of a scan (a Dockerfile, a config file) at a line. */
    static Finding aboutFile(final CheckMetadata check, final String file, final int line, final Severity severity,
            final String key, final String message, final Map<String, String> properties) {
        ResourceRef ref = new ResourceRef("File", "", file);
        Finding base = Finding.of(check, ref, "", new Location(file, Math.max(line, 0), 0), key, message);
        return new Finding(base.checkId(), base.title(), severity, base.category(), ref, "", base.location(), key,
                message, base.remediation(), base.references(), base.equivalents(), base.fingerprint(),
                Optional.empty(), properties);
    }

    /** Trivy's scale on ours; UNKNOWN becomes {@code unknown}. */
    static Severity severity(final TrivySeverity s, final Severity unknown) {
        return switch (s) {
            case CRITICAL -> Severity.CRITICAL;
            case HIGH -> Severity.HIGH;
            case MEDIUM -> Severity.MEDIUM;
            case LOW -> Severity.LOW;
            case UNKNOWN -> unknown;
        };
    }
}
