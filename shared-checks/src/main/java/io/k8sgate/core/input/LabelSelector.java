package io.k8sgate.core.input;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Kubernetes label selector ({@code matchLabels} and {@code matchExpressions}) as the API server applies it:
 * every requirement must hold, and an empty or absent selector selects everything.
 */
public final class LabelSelector {
    private LabelSelector() {
    }

    /** True when {@code selector} selects an object with {@code labels}. */
    public static boolean matches(final YamlNode selector, final Map<String, String> labels) {
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

    /** True when any selector of a list matches; an empty selector matches everything. */
    public static boolean matchesAny(final YamlNode selectors, final Map<String, String> labels) {
        for (YamlNode selector : selectors.elements()) {
            if (selector.isMap() && matches(selector, labels)) {
                return true;
            }
        }
        return false;
    }

    /** True for an absent selector or one without requirements, which selects everything. */
    public static boolean isEmpty(final YamlNode selector) {
        return selector.get("matchLabels").size() == 0 && selector.get("matchExpressions").size() == 0;
    }

    /** Why the API server would refuse the selector, if it would. */
    public static Optional<String> problem(final YamlNode selector) {
        if (selector.isUnset()) {
            return Optional.empty();
        }
        if (!selector.isMap()) {
            return Optional.of("a label selector is a mapping with matchLabels and matchExpressions");
        }
        for (YamlNode e : selector.get("matchExpressions").elements()) {
            String operator = e.get("operator").text("");
            int values = e.get("values").size();
            switch (operator) {
                case "In", "NotIn":
                    if (values == 0) {
                        return Optional.of("operator " + operator + " needs values");
                    }
                    break;
                case "Exists", "DoesNotExist":
                    if (values > 0) {
                        return Optional.of("operator " + operator + " takes no values");
                    }
                    break;
                default:
                    return Optional.of("'" + operator + "' is not a valid label selector operator (In, NotIn, "
                            + "Exists, DoesNotExist)");
            }
        }
        return Optional.empty();
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
