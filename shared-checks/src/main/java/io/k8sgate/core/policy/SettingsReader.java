package io.k8sgate.core.policy;

import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.RuleIds;
import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Typed reads of policy settings, shared by every section of the policy file. A malformed value is collected as a
 * problem naming file and line, and the read goes on with the fallback, so that one run reports every mistake.
 */
final class SettingsReader {
    private final List<ConfigurationException.Problem> problems;

    /** A reader that adds what it finds wrong to {@code problems}. */
    SettingsReader(final List<ConfigurationException.Problem> problems) {
        this.problems = problems;
    }

    void problem(final YamlNode node, final String message) {
        problems.add(new ConfigurationException.Problem(node.location(), message));
    }

    /** Reports every key of the mapping that is not allowed, naming where the mapping is and what is allowed. */
    void unknownKeys(final YamlNode map, final Set<String> allowed, final String where) {
        map.entries().forEach((k, v) -> {
            if (!allowed.contains(k)) {
                problem(v, "Unknown key '" + k + "' in " + where + " (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        });
    }

    /** {@code true} or {@code false}; the fallback when the key is not set or the value is neither. */
    boolean bool(final YamlNode node, final boolean fallback) {
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

    /** A severity; empty (and a problem) when the value is none. */
    Optional<Severity> severity(final YamlNode node) {
        Optional<Severity> s = node.text().flatMap(Severity::parse);
        if (s.isEmpty()) {
            problem(node, node.fieldPath() + " must be one of CRITICAL, HIGH, MEDIUM, LOW, INFO (got '"
                    + node.text("") + "')");
        }
        return s;
    }

    /** A severity; the fallback when the key is not set or the value is not a severity. */
    Severity severity(final YamlNode node, final Severity fallback) {
        return node.isUnset() ? fallback : severity(node).orElse(fallback);
    }

    /** A severity or {@code NONE} (empty: never); the fallback when the key is not set or the value is neither. */
    Optional<Severity> threshold(final YamlNode node, final Optional<Severity> fallback) {
        if (node.isUnset()) {
            return fallback;
        }
        if ("NONE".equals(node.text("").toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        Optional<Severity> s = node.text().flatMap(Severity::parse);
        if (s.isEmpty()) {
            problem(node, node.fieldPath() + " must be one of CRITICAL, HIGH, MEDIUM, LOW, INFO or NONE (got '"
                    + node.text("") + "')");
            return fallback;
        }
        return s;
    }

    /** The trimmed text of a key an exception must have. */
    String requiredText(final YamlNode map, final String key) {
        String value = map.get(key).text("").trim();
        if (value.isEmpty()) {
            problem(map.get(key), "an exception needs a non-empty " + key);
        }
        return value;
    }

    /**
     * True when {@code id} is a check id of the catalogue, a custom check's declared in the policy or an admission
     * policy's (those are among the inputs, not in the policy: a run warns about unknown ones); a problem otherwise.
     */
    boolean knownCheck(final String id, final YamlNode at, final Set<String> known) {
        if (known.contains(id) || RuleIds.isAdmission(id)) {
            return true;
        }
        if (!CheckMetadata.ID_PATTERN.matcher(id).matches() && !RuleIds.isCustom(id)) {
            problem(at, "'" + id + "' is not a check id (K8S-<AREA>-<NNN>, a custom check's id such as ACME-001, "
                    + "or VAP-<ValidatingAdmissionPolicy name>)");
            return false;
        }
        problem(at, "Unknown check id '" + id + "' (run `k8s-security checks` for the catalogue; custom checks are "
                + "declared under customChecks)");
        return false;
    }
}
