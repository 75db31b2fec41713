package io.k8sgate.core.check.admission;

import io.k8sgate.core.input.YamlNode;

/**
 * The {@code fieldPath} of a validation ({@code spec.replicas}, {@code .spec.containers[0].image},
 * {@code metadata.labels['app.kubernetes.io/name']}) resolved in an object, so that a finding points at the field.
 */
final class FieldPaths {
    private FieldPaths() {
    }

    /** The node the path names (a missing one points at its nearest parent), or the root when it cannot be read. */
    static YamlNode resolve(final YamlNode root, final String path) {
        YamlNode node = root;
        int i = path.startsWith(".") ? 1 : 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
                continue;
            }
            if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    return root;
                }
                String inside = path.substring(i + 1, close).trim();
                if (inside.length() >= 2 && (inside.charAt(0) == '\'' || inside.charAt(0) == '"')
                        && inside.charAt(inside.length() - 1) == inside.charAt(0)) {
                    node = node.get(inside.substring(1, inside.length() - 1));
                } else if (!inside.isEmpty() && inside.length() <= 9 && inside.chars().allMatch(Character::isDigit)) {
                    node = node.at(Integer.parseInt(inside));
                } else {
                    return root;
                }
                i = close + 1;
                continue;
            }
            int end = i;
            while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                end++;
            }
            node = node.get(path.substring(i, end));
            i = end;
        }
        return node;
    }
}
