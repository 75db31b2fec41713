package io.k8sgate.core.rbac;

import io.k8sgate.core.input.YamlNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Label selectors as the aggregation controller applies them ({@code matchLabels} and {@code matchExpressions}). */
final class LabelSelectors {
    private LabelSelectors() {
    }

    /** True when any selector of the list matches; an empty selector matches every role. */
    static boolean matchesAny(final YamlNode selectors, final Map<String, String> labels) {
        for (YamlNode selector : selectors.elements()) {
            if (selector.isMap() && matches(selector, labels)) {
                return true;
            }
        }
        return false;
    }

    /** One selector: every label and every expression must hold. */
    static boolean matches(final YamlNode selector, final Map<String, String> labels) {
        for (var e : selector.get("matchLabels").entries().entrySet()) {
            if (!e.getValue().text().equals(java.util.Optional.ofNullable(labels.get(e.getKey())))) {
                return false;
            }
        }
        for (YamlNode expr : selector.get("matchExpressions").elements()) {
            String key = expr.get("key").text("");
            Set<String> values = new HashSet<>();
            expr.get("values").elements().forEach(v -> v.text().ifPresent(values::add));
            String value = labels.get(key);
            boolean ok = switch (expr.get("operator").text("")) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
