package io.k8sgate.core.cel;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kubernetes regex library: {@code s.find(re)} (the first match or an empty string) and {@code s.findAll(re)},
 * {@code s.findAll(re, n)}. Regular expressions use RE2 syntax, as in Kubernetes, and run in linear time.
 */
final class RegexLibrary {
    private RegexLibrary() {
    }

    static Library create() {
        return new Library()
                .member("find", "k8s_string_find_string", SimpleType.STRING, List.of(SimpleType.STRING,
                        SimpleType.STRING), List.of(String.class, String.class), args -> {
                        Matcher m = compile((String) args[1]).matcher((String) args[0]);
                        return m.find() ? m.group() : "";
                    })
                .member("findAll", "k8s_string_find_all_string", ListType.create(SimpleType.STRING),
                        List.of(SimpleType.STRING, SimpleType.STRING), List.of(String.class, String.class),
                        args -> findAll((String) args[0], (String) args[1], -1))
                .member("findAll", "k8s_string_find_all_string_int", ListType.create(SimpleType.STRING),
                        List.of(SimpleType.STRING, SimpleType.STRING, SimpleType.INT),
                        List.of(String.class, String.class, Long.class),
                        args -> findAll((String) args[0], (String) args[1], (Long) args[2]));
    }

    private static List<String> findAll(final String text, final String regex, final long limit)
            throws CelEvaluationException {
        List<String> out = new ArrayList<>();
        if (limit == 0) {
            return out;
        }
        Matcher m = compile(regex).matcher(text);
        while (m.find() && (limit < 0 || out.size() < limit)) {
            out.add(m.group());
        }
        return out;
    }

    private static Pattern compile(final String regex) throws CelEvaluationException {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new CelEvaluationException("invalid regular expression '" + regex + "': " + e.getMessage(), e);
        }
    }
}
