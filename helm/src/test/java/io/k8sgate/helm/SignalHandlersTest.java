package io.k8sgate.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Helm's library takes over SIGINT, SIGTERM and SIGQUIT when it renders; a JVM that rendered a chart must still stop
 * (and run its shutdown hooks) when a user presses Ctrl-C or a CI runner aborts the build. And a JVM that loaded the
 * library leaves no 98 MB copy of it behind, even when it is killed.
 */
class SignalHandlersTest {
    @ParameterizedTest(name = "[{index}] SIG{0}")
    @ValueSource(strings = {"TERM", "INT"})
    void shouldStillStopTheJvmBySignalAfterARender(final String signal, @TempDir final Path tmp) throws Exception {
        assumeFalse(System.getProperty("os.name").startsWith("Windows"), "POSIX signals only");
        try (RenderingChild child = RenderingChild.start(tmp)) {
            kill(signal, child.process().pid());

            assertThat(child.process().waitFor(60, TimeUnit.SECONDS)).as("the JVM stopped on SIG" + signal).isTrue();
            assertThat(child.nextLine()).isEqualTo("shutdown hook ran");
        }
    }

    @Test
    @SuppressWarnings("try") // the child keeps the library loaded while the block looks
    void shouldLeaveNoCopyOfHelmsLibraryInTheTemporaryDirectory(@TempDir final Path tmp) throws Exception {
        assumeFalse(System.getProperty("os.name").startsWith("Windows"), "a loaded DLL cannot be deleted");
        try (RenderingChild child = RenderingChild.start(tmp); Stream<Path> files = Files.walk(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("while the library is loaded and in use")
                    .noneMatch(name -> name.matches("helm-.*\\.(so|dylib|dll)|k8sgate-helm.*|k8sgate-chart.*"));
        }
    }

    private static void kill(final String signal, final long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }
}
