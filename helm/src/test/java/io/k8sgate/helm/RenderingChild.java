package io.k8sgate.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A JVM running {@link RenderThenWait}, started and read until it has rendered its chart. */
final class RenderingChild implements AutoCloseable {
    private final Process process;
    private final BufferedReader output;

    private RenderingChild(final Process process) {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts the child with {@code tmpdir} as its temporary directory and waits until it has rendered. */
    static RenderingChild start(final Path tmpdir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        RenderingChild child = new RenderingChild(new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmpdir, "-cp",
                System.getProperty("java.class.path"), RenderThenWait.class.getName()).redirectErrorStream(true)
                .start());
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = child.output.readLine()) != null && !line.startsWith("rendered")) {
            lines.add(line);
        }
        assertThat(line).as("the child's output: %s", lines).startsWith("rendered");
        return child;
    }

    Process process() {
        return process;
    }

    /** The next line the child prints. */
    String nextLine() throws IOException {
        return output.readLine();
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        output.close();
    }
}
