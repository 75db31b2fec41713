package io.k8sgate.core.policy;

import io.k8sgate.core.check.image.ImageSettings;
import io.k8sgate.core.check.image.SeveritySource;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reads the {@code images:} section of the policy, as strictly as the rest of the file. */
final class ImagePolicyReader {
    /** The check that {@code requireDigest: true} turns on. */
    static final String DIGEST_CHECK = "K8S-IMG-004";
    private static final Set<String> KEYS = new TreeSet<>(Set.of("severitySource", "cvssThreshold", "fixableOnly",
            "ignoreUnfixed", "unknownSeverity", "missingReportSeverity", "escalateByContext", "requireDigest",
            "allowedRegistries", "namespaces", "artifactVulnerabilities"));
    private static final Set<String> NAMESPACE_KEYS = Set.of("allowedRegistries");

    private final List<ConfigurationException.Problem> problems;

    ImagePolicyReader(final List<ConfigurationException.Problem> problems) {
        this.problems = problems;
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
            problem(node, "images must be a mapping of image settings");
            return new Result(d, Optional.empty());
        }
        node.entries().forEach((k, v) -> {
            if (!KEYS.contains(k)) {
                problem(v, "Unknown key '" + k + "' in images (allowed: " + String.join(", ", KEYS) + ")");
            }
        });
        SeveritySource source = d.severitySource();
        YamlNode s = node.get("severitySource");
        if (s.isPresent()) {
            if (!s.isScalar() || s.text("").isBlank()) {
                problem(s, "images.severitySource must be trivy, cvss or a vendor name such as nvd, redhat, ghsa");
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
                    problem(t, "images.cvssThreshold must be a CVSS score between 0 and 10 (got " + value + ")");
                } else {
                    threshold = Optional.of(value);
                }
            } catch (NumberFormatException e) {
                problem(t, "images.cvssThreshold must be a number such as 7.0 (got '" + t.text("") + "')");
            }
        }
        Optional<Boolean> digest = node.get("requireDigest").isPresent()
                ? Optional.of(bool(node.get("requireDigest"), false)) : Optional.empty();
        Map<String, List<String>> byNamespace = new LinkedHashMap<>();
        YamlNode ns = node.get("namespaces");
        if (ns.isPresent() && !ns.isMap()) {
            problem(ns, "images.namespaces must map namespace names to their settings");
        }
        ns.entries().forEach((name, settings) -> {
            if (!settings.isMap()) {
                problem(settings, "images.namespaces." + name + " must be a mapping with allowedRegistries");
                return;
            }
            settings.entries().forEach((k, v) -> {
                if (!NAMESPACE_KEYS.contains(k)) {
                    problem(v, "Unknown key '" + k + "' in images.namespaces." + name
                            + " (allowed: allowedRegistries)");
                }
            });
            byNamespace.put(name, list(settings.get("allowedRegistries")));
        });
        ImageSettings settings = new ImageSettings(source, threshold, bool(node.get("fixableOnly"), d.fixableOnly()),
                bool(node.get("ignoreUnfixed"), d.ignoreUnfixed()),
                severity(node.get("unknownSeverity"), d.unknownSeverity()),
                severity(node.get("missingReportSeverity"), d.missingReportSeverity()),
                bool(node.get("escalateByContext"), d.escalateByContext()), list(node.get("allowedRegistries")),
                byNamespace, artifactVulnerabilities(node.get("artifactVulnerabilities"), d.artifactVulnerabilities()));
        return new Result(settings, digest);
    }

    private List<String> list(final YamlNode node) {
        List<String> out = new ArrayList<>();
        if (node.isUnset()) {
            return out;
        }
        if (!node.isSequence()) {
            problem(node, node.fieldPath() + " must be a list of registries such as [ghcr.io/acme, docker.io]");
            return out;
        }
        for (YamlNode e : node.elements()) {
            String value = e.text("").trim();
            if (!e.isScalar() || value.isEmpty() || value.contains(" ")) {
                problem(e, "'" + e.text("") + "' is not a registry or registry/path prefix");
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
        problem(node, node.fieldPath() + " must be gate (vulnerabilities of scans that are not of a deployed image "
                + "count like the others) or report (they are listed as INFO) (got '" + value + "')");
        return fallback;
    }

    private boolean bool(final YamlNode node, final boolean fallback) {
        if (node.isUnset()) {
            return fallback;
        }
        Optional<Boolean> b = node.bool();
        if (b.isEmpty()) {
            problem(node, node.fieldPath() + " must be true or false (got '" + node.text("") + "')");
            return fallback;
        }
        return b.get();
    }

    private Severity severity(final YamlNode node, final Severity fallback) {
        if (node.isUnset()) {
            return fallback;
        }
        Optional<Severity> s = node.text().flatMap(Severity::parse);
        if (s.isEmpty()) {
            problem(node, node.fieldPath() + " must be one of CRITICAL, HIGH, MEDIUM, LOW, INFO (got '"
                    + node.text("") + "')");
            return fallback;
        }
        return s.get();
    }

    private void problem(final YamlNode node, final String message) {
        problems.add(new ConfigurationException.Problem(node.location(), message));
    }
}
