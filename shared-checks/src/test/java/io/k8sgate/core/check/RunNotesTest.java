package io.k8sgate.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Location;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RunNotesTest {
    @Test
    void shouldKeepTheSameNoteOnceWithItsFirstPlaceAndCountWhateverTheOrder() {
        RunNotes notes = new RunNotes();
        IntStream.rangeClosed(1, 1000).parallel().forEach(i -> notes.add("rule\u001ffailed", Diagnostic.Level.ERROR,
                "rule-failed", new Location("b.yaml", i, 1), "rule failed on object " + i));
        notes.add("other", Diagnostic.Level.WARNING, "rule-warning", new Location("a.yaml", 3, 1), "warned");
        notes.add("info", Diagnostic.Level.INFO, "rule-info", new Location("a.yaml", 1, 1), "noted");

        List<Diagnostic> diagnostics = notes.diagnostics();

        assertThat(diagnostics).extracting(Diagnostic::level).containsExactly(Diagnostic.Level.ERROR,
                Diagnostic.Level.WARNING, Diagnostic.Level.INFO);
        assertThat(diagnostics.get(0).location().line()).isEqualTo(1);
        assertThat(diagnostics.get(0).message()).isEqualTo("rule failed on object 1 (and 999 more times with other "
                + "objects)");
        assertThat(diagnostics.get(1).message()).isEqualTo("warned");
    }

    @Test
    void shouldSaySingularWhenSeenTwice() {
        RunNotes notes = new RunNotes();
        notes.add("k", Diagnostic.Level.ERROR, "c", new Location("a.yaml", 2, 1), "second");
        notes.add("k", Diagnostic.Level.ERROR, "c", new Location("a.yaml", 1, 1), "first");

        assertThat(notes.diagnostics()).singleElement().satisfies(d -> assertThat(d.message())
                .isEqualTo("first (and 1 more time with other objects)"));
    }
}
