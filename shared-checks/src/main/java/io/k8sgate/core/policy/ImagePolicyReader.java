package io.k8sgate.core.policy;

import io.k8sgate.core.check.image.ImageSettings;
import io.k8sgate.core.check.image.SeveritySource;
import io.k8sgate.core.input.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code images:} section of the policy, as strictly as the rest of the file. */
final class ImagePolicyReader {
    /** The check that {@code requireDigest: true} turns on. */
    static final String DIGEST_CHECK = "K8S-IMG-004";
    private static final Set<String> KEYS = Set.of("severitySource", "cvssThreshold", "fixableOnly",
            "ignoreUnfixed", "unknownSeverity", "missingReportSeverity", "escalateByContext", "requireDigest",
            "allowedRegistries", "namespaces", "artifactVulnerabilities");
    private static final Set<String> NAMESPACE_KEYS = Set.of("allowedRegistries");

    private final SettingsReader r;

    ImagePolicyReader(final SettingsReader reader) {
        this.r = reader;
    }

    /** The settings, and whether {@code requireDigest} asks for the digest check. */
    record Result(ImageSettings settings, Optional<Boolean> requireDigest) {
    }

    Result read(final YamlNode node) {
        ImageSettings d = ImageSettings.DEFAULT;
        if (node.isUnset()) {
            return new Result(d, Optional.empty());
        }
        if (!node.isMap()) {
            r.problem(node, "images must be a mapping of image settings");
            return new Result(d, Optional.empty());
        }
        r.unknownKeys(node, KEYS, "images");
        SeveritySource source = d.severitySource();
        YamlNode s = node.get("severitySource");
        if (s.isPresent()) {
            if (!s.isScalar() || s.text("").isBlank()) {
                r.problem(s, "images.severitySource must be trivy, cvss or a vendor name such as nvd, redhat, "
                        + "ghsa");
            } else {
                source = new SeveritySource(s.text(""));
            }
        }
        Optional<Double> threshold = Optional.empty();
        YamlNode t = node.get("cvssThreshold");
        if (t.isPresent()) {
            try {
                double value = Double.parseDouble(t.text(""));
                if (value < 0 || value > 10) {
                    r.problem(t, "images.cvssThreshold must be a CVSS score between 0 and 10 (got " + value
                            + ")");
                } else {
                    threshold = Optional.of(value);
                }
            } catch (NumberFormatException e) {
                r.problem(t, "images.cvssThreshold must be a number such as 7.0 (got '" + t.text("") + "')");
            }
        }
        Optional<Boolean> digest = node.get("requireDigest").isPresent()
                ? Optional.of(r.bool(node.get("requireDigest"), false)) : Optional.empty();
        Map<String, List<String>> byNamespace = new LinkedHashMap<>();
        YamlNode ns = node.get("namespaces");
        if (ns.isPresent() && !ns.isMap()) {
            r.problem(ns, "images.namespaces must map namespace names to their settings");
        }
        ns.entries().forEach((name, settings) -> {
            if (!settings.isMap()) {
                r.problem(settings, "images.namespaces." + name + " must be a mapping with allowedRegistries");
                return;
            }
            r.unknownKeys(settings, NAMESPACE_KEYS, "images.namespaces." + name);
            byNamespace.put(name, list(settings.get("allowedRegistries")));
        });
        ImageSettings settings = new ImageSettings(source, threshold,
                r.bool(node.get("fixableOnly"), d.fixableOnly()), r.bool(node.get("ignoreUnfixed"), d.ignoreUnfixed()),
                r.severity(node.get("unknownSeverity"), d.unknownSeverity()),
                r.severity(node.get("missingReportSeverity"), d.missingReportSeverity()),
                r.bool(node.get("escalateByContext"), d.escalateByContext()), list(node.get("allowedRegistries")),
                byNamespace, artifactVulnerabilities(node.get("artifactVulnerabilities"), d.artifactVulnerabilities()));
        return new Result(settings, digest);
    }

    private List<String> list(final YamlNode node) {
        List<String> out = new ArrayList<>();
        if (node.isUnset()) {
            return out;
        }
        if (!node.isSequence()) {
            r.problem(node, node.fieldPath() + " must be a list of registries such as [ghcr.io/acme, "
                    + "docker.io]");
            return out;
        }
        for (YamlNode e : node.elements()) {
            String value = e.text("").trim();
            if (!e.isScalar() || value.isEmpty() || value.contains(" ")) {
                r.problem(e, "'" + e.text("") + "' is not a registry or registry/path prefix");
            } else {
                out.add(value);
            }
        }
        return out;
    }

    private ImageSettings.ArtifactVulnerabilities artifactVulnerabilities(final YamlNode node,
            final ImageSettings.ArtifactVulnerabilities fallback) {
        if (node.isUnset()) {
            return fallback;
        }
        String value = node.text("");
        for (ImageSettings.ArtifactVulnerabilities a : ImageSettings.ArtifactVulnerabilities.values()) {
            if (node.isScalar() && a.name().toLowerCase(java.util.Locale.ROOT).equals(value)) {
                return a;
            }
        }
        r.problem(node, node.fieldPath() + " must be gate (vulnerabilities of scans that are not of a deployed image "
                + "count like the others) or report (they are listed as INFO) (got '" + value + "')");
        return fallback;
    }
}
