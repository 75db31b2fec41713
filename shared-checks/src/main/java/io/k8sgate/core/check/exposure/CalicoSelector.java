package io.k8sgate.core.check.exposure;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A Calico selector expression ({@code projectcalico.org/v3} policies): {@code all()}, {@code global()},
 * {@code has(k)}, {@code k == 'v'}, {@code k != 'v'}, {@code k in {'a', 'b'}}, {@code k not in {...}},
 * {@code k contains 's'}, {@code k starts with 's'}, {@code k ends with 's'}, combined with {@code !}, {@code &&},
 * {@code ||} and parentheses. An empty expression selects everything, as Calico defaults it to {@code all()}.
 * {@code global()} selects only non-namespaced endpoints, never a pod. {@code k != 'v'} holds for an object without
 * {@code k}, as in Calico.
 */
final class CalicoSelector {
    private final String text;
    private int at;

    private CalicoSelector(final String text) {
        this.text = text;
    }

    /** The selector, or empty when Calico would refuse it (a policy it refuses selects nothing). */
    static Optional<Predicate<Map<String, String>>> parse(final String expression) {
        if (expression.isBlank()) {
            return Optional.of(labels -> true);
        }
        CalicoSelector parser = new CalicoSelector(expression);
        try {
            Predicate<Map<String, String>> selector = parser.or();
            parser.skipSpace();
            return parser.at == expression.length() ? Optional.of(selector) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Predicate<Map<String, String>> or() {
        Predicate<Map<String, String>> left = and();
        while (accept("||")) {
            left = left.or(and());
        }
        return left;
    }

    private Predicate<Map<String, String>> and() {
        Predicate<Map<String, String>> left = not();
        while (accept("&&")) {
            left = left.and(not());
        }
        return left;
    }

    private Predicate<Map<String, String>> not() {
        if (accept("!")) {
            return not().negate();
        }
        if (accept("(")) {
            Predicate<Map<String, String>> inner = or();
            expect(")");
            return inner;
        }
        if (acceptWord("all")) {
            expect("(");
            expect(")");
            return labels -> true;
        }
        if (acceptWord("global")) {
            expect("(");
            expect(")");
            return labels -> false;
        }
        if (acceptWord("has")) {
            expect("(");
            String key = key();
            expect(")");
            return labels -> labels.containsKey(key);
        }
        return comparison(key());
    }

    private Predicate<Map<String, String>> comparison(final String key) {
        if (accept("==")) {
            String value = string();
            return labels -> value.equals(labels.get(key));
        }
        if (accept("!=")) {
            String value = string();
            return labels -> !value.equals(labels.get(key));
        }
        if (acceptWord("in")) {
            Set<String> values = set();
            return labels -> labels.containsKey(key) && values.contains(labels.get(key));
        }
        if (acceptWord("not")) {
            if (!acceptWord("in")) {
                throw new IllegalArgumentException("'in' expected after 'not'");
            }
            Set<String> values = set();
            return labels -> !labels.containsKey(key) || !values.contains(labels.get(key));
        }
        if (acceptWord("contains")) {
            String value = string();
            return labels -> labels.containsKey(key) && labels.get(key).contains(value);
        }
        if (acceptWord("starts")) {
            wordThenWith();
            String value = string();
            return labels -> labels.containsKey(key) && labels.get(key).startsWith(value);
        }
        if (acceptWord("ends")) {
            wordThenWith();
            String value = string();
            return labels -> labels.containsKey(key) && labels.get(key).endsWith(value);
        }
        throw new IllegalArgumentException("operator expected after " + key);
    }

    private void wordThenWith() {
        if (!acceptWord("with")) {
            throw new IllegalArgumentException("'with' expected");
        }
    }

    private Set<String> set() {
        expect("{");
        Set<String> values = new HashSet<>();
        if (!accept("}")) {
            do {
                values.add(string());
            } while (accept(","));
            expect("}");
        }
        return values;
    }

    private String key() {
        skipSpace();
        int start = at;
        while (at < text.length() && isKeyChar(text.charAt(at))) {
            at++;
        }
        if (start == at) {
            throw new IllegalArgumentException("label key expected at " + start);
        }
        return text.substring(start, at);
    }

    private String string() {
        skipSpace();
        if (at >= text.length() || (text.charAt(at) != '\'' && text.charAt(at) != '"')) {
            throw new IllegalArgumentException("quoted value expected at " + at);
        }
        char quote = text.charAt(at);
        int end = text.indexOf(quote, at + 1);
        if (end < 0) {
            throw new IllegalArgumentException("unterminated value at " + at);
        }
        String value = text.substring(at + 1, end);
        at = end + 1;
        return value;
    }

    private boolean acceptWord(final String word) {
        skipSpace();
        int end = at + word.length();
        if (text.startsWith(word, at) && (end == text.length() || !isKeyChar(text.charAt(end)))) {
            at = end;
            return true;
        }
        return false;
    }

    private boolean accept(final String token) {
        skipSpace();
        if (text.startsWith(token, at)) {
            at += token.length();
            return true;
        }
        return false;
    }

    private void expect(final String token) {
        if (!accept(token)) {
            throw new IllegalArgumentException("'" + token + "' expected at " + at);
        }
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private static boolean isKeyChar(final char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '/' || c == '-';
    }
}
