package io.k8sgate.core.check;

import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What checks built for one run (custom checks, admission policies) have to say about their own evaluation, such as
 * an expression that failed on some objects. Checks run in parallel, so notes are collected safely; the same note
 * about many objects is kept once, with the place that comes first in the inputs (whatever the order of evaluation)
 * and a count, so a rule that fails on every one of fifty thousand objects gives one diagnostic, not fifty thousand.
 */
public final class RunNotes {
    private static final Comparator<Diagnostic> PLACE = Comparator.comparing((Diagnostic d) -> d.location().file())
            .thenComparingInt(d -> d.location().line()).thenComparing(Diagnostic::message);
    private final Map<String, Note> notes = new ConcurrentHashMap<>();

    /**
     * Notes a problem.
     *
     * @param key     what makes two notes the same (a rule and its message, without the object)
     * @param level   how serious it is
     * @param code    the diagnostic code
     * @param where   the place of this occurrence
     * @param message the message of this occurrence
     */
    public void add(final String key, final Diagnostic.Level level, final String code, final Location where,
            final String message) {
        Diagnostic d = new Diagnostic(level, code, where, message);
        notes.merge(key, new Note(d, 1), (a, b) -> new Note(PLACE.compare(a.first, b.first) <= 0 ? a.first : b.first,
                a.count + b.count));
    }

    /** Every note, most serious first, then by place; a note seen more than once says how often. */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> out = new ArrayList<>();
        for (Note n : notes.values()) {
            long count = n.count;
            Diagnostic d = n.first;
            out.add(count == 1 ? d : new Diagnostic(d.level(), d.code(), d.location(), d.message() + " (and "
                    + (count - 1) + " more time" + (count == 2 ? "" : "s") + " with other objects)"));
        }
        out.sort(Comparator.comparing(Diagnostic::level).thenComparing(PLACE));
        return out;
    }

    /** The note that comes first in the inputs, and how often it was seen. */
    private record Note(Diagnostic first, long count) {
    }
}
