package io.k8sgate.core.check.custom;

import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Location;
import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A custom check as the policy file writes it.
 *
 * @param id                a stable id of the team's own (never {@code K8S-...}, which are the built-in checks')
 * @param title             a short name
 * @param severity          the severity of its findings
 * @param description       why it matters (may be empty)
 * @param remediation       what to do
 * @param references        URLs
 * @param match             the objects it applies to
 * @param expression        a CEL expression that is true when the object complies
 * @param messageExpression a CEL expression giving the finding's message, if any
 * @param message           the finding's message when there is no messageExpression (may be empty)
 * @param params            the value of {@code params} in its expressions, if any
 * @param location          where the check is written
 */
public record CustomCheckDefinition(String id, String title, Severity severity, String description,
        String remediation, List<String> references, Match match, String expression,
        Optional<String> messageExpression, String message, Optional<YamlNode> params, Location location) {
    public CustomCheckDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(remediation, "remediation");
        references = List.copyOf(references);
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(messageExpression, "messageExpression");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(location, "location");
    }

    /**
     * Which objects a custom check applies to; an empty list or map does not restrict.
     *
     * @param kinds      kinds ({@code Deployment}); {@code *} for every kind
     * @param apiGroups  API groups ({@code apps}, {@code ""} for the core group); {@code *} for every group
     * @param namespaces namespaces the object is created in (a namespaced object without one is in {@code default});
     *                   cluster-scoped objects never match a list of namespaces
     * @param labels     labels the object must carry with exactly these values
     */
    public record Match(List<String> kinds, List<String> apiGroups, List<String> namespaces,
            Map<String, String> labels) {
        /** Every object. */
        public static final Match ALL = new Match(List.of(), List.of(), List.of(), Map.of());

        public Match {
            kinds = List.copyOf(kinds);
            apiGroups = List.copyOf(apiGroups);
            namespaces = List.copyOf(namespaces);
            labels = Map.copyOf(labels);
        }
    }
}
