package io.k8sgate.core.input.trivy;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.model.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrivyInputGlobTest {
    @Test
    void shouldExpandReportPatternsBelowTheRootInOrder(@TempDir final Path root) throws IOException {
        Files.createDirectories(root.resolve("scans/images"));
        Files.writeString(root.resolve("scans/images/web.json"), "{}");
        Files.writeString(root.resolve("scans/api.json"), "{}");
        Files.writeString(root.resolve("scans/notes.txt"), "");
        List<Diagnostic> problems = new ArrayList<>();
        assertThat(TrivyInputLoader.expandGlobs(root, List.of("scans/**.json", "plain.json"), problems::add))
                .containsExactly("scans/api.json", "scans/images/web.json", "plain.json");
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldWarnWhenAPatternMatchesNothing(@TempDir final Path root) {
        List<Diagnostic> problems = new ArrayList<>();
        assertThat(TrivyInputLoader.expandGlobs(root, List.of("scans/*.json"), problems::add)).isEmpty();
        assertThat(problems).singleElement().satisfies(d -> {
            assertThat(d.level()).isEqualTo(Diagnostic.Level.WARNING);
            assertThat(d.location().file()).isEqualTo("scans/*.json");
        });
    }
}
