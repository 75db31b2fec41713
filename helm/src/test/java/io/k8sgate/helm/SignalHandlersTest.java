package io.k8sgate.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Helm's library takes over SIGINT, SIGTERM and SIGQUIT when it renders; a JVM that rendered a chart must still stop
 * (and run its shutdown hooks) when a user presses Ctrl-C or a CI runner aborts the build.
 */
class SignalHandlersTest {
    @ParameterizedTest(name = "[{index}] SIG{0}")
    @ValueSource(strings = {"TERM", "INT"})
    void shouldStillStopTheJvmBySignalAfterARender(final String signal) throws Exception {
        assumeFalse(System.getProperty("os.name").startsWith("Windows"), "POSIX signals only");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RenderThenWait.class.getName()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("rendered")) {
                lines.add(line);
            }
            assertThat(line).as("the child's output: %s", lines).startsWith("rendered");

            kill(signal, child.pid());

            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the JVM stopped on SIG" + signal).isTrue();
            assertThat(out.readLine()).isEqualTo("shutdown hook ran");
        } finally {
            child.destroyForcibly();
        }
    }

    private static void kill(final String signal, final long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }
}
