package io.k8sgate.core.check.exposure;

import io.k8sgate.core.input.YamlNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Kubernetes label selector ({@code matchLabels} and {@code matchExpressions}) as the API server applies it:
 * every requirement must hold, and an empty or absent selector selects everything.
 */
final class LabelSelector {
    private LabelSelector() {
    }

    /** True when {@code selector} selects an object with {@code labels}. */
    static boolean matches(final YamlNode selector, final Map<String, String> labels) {
        for (Map.Entry<String, YamlNode> required : selector.get("matchLabels").entries().entrySet()) {
            if (!required.getValue().text().equals(Optional.ofNullable(labels.get(required.getKey())))) {
                return false;
            }
        }
        for (YamlNode expression : selector.get("matchExpressions").elements()) {
            if (!matchesExpression(expression, labels)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesExpression(final YamlNode expression, final Map<String, String> labels) {
        String key = expression.get("key").text("");
        Set<String> values = new HashSet<>();
        expression.get("values").elements().forEach(v -> v.text().ifPresent(values::add));
        boolean has = labels.containsKey(key);
        switch (expression.get("operator").text("")) {
            case "In":
                return has && values.contains(labels.get(key));
            case "NotIn":
                return !has || !values.contains(labels.get(key));
            case "Exists":
                return has;
            case "DoesNotExist":
                return !has;
            default:
                // The API server rejects unknown operators; a selector it would reject selects nothing.
                return false;
        }
    }
}
