package io.k8sgate.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crashes and concurrency across processes: child JVMs record into one store. */
class DirectoryStoreProcessTest {
    private static final long CHILD_LIMIT_MINUTES = 5;

    @TempDir
    Path temp;

    private Process child(final Path store, final int count, final String name) throws IOException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), RecordLoop.class.getName(),
                store.toString(), Integer.toString(count), name)
                .redirectErrorStream(true).redirectOutput(temp.resolve(name + ".log").toFile()).start();
    }

    private static long versionFiles(final Path store) throws IOException {
        if (!Files.isDirectory(store)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(store)) {
            return files.filter(p -> p.getFileName().toString().matches("v\\d+\\.json")).count();
        }
    }

    @Test
    void shouldLeaveAReadableStoreWithNoPartialVersionWhenARecordingProcessIsKilled() throws Exception {
        Random random = new Random(20261127L);
        Path store = temp.resolve("store");
        for (int round = 0; round < 3; round++) {
            long before = versionFiles(store);
            Process recorder = child(store, 0, "killed-" + round);
            while (versionFiles(store) <= before && recorder.isAlive()) {
                Thread.sleep(20);
            }
            Thread.sleep(random.nextInt(150));
            recorder.destroyForcibly();
            assertThat(recorder.waitFor(CHILD_LIMIT_MINUTES, TimeUnit.MINUTES)).isTrue();

            DirectoryStore reopened = new DirectoryStore(store);
            List<BaselineMetadata> history = reopened.history();
            assertThat(history).extracting(BaselineMetadata::version)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, history.size()).boxed().toList());
            for (BaselineMetadata m : history) {
                assertThat(reopened.read(m.version()).metadata()).isEqualTo(m);
            }
        }
        long total = versionFiles(store);
        assertThat(new DirectoryStore(store).record(BaselineFixtures.app("v2"), BaselineFixtures.provenance("after"))
                .version()).isEqualTo(total + 1);
    }

    @Test
    void shouldLoseNoVersionWhenProcessesRecordAtOnce() throws Exception {
        Path store = temp.resolve("shared");
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            children.add(child(store, 2, "process-" + i));
        }
        for (Process p : children) {
            assertThat(p.waitFor(CHILD_LIMIT_MINUTES, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(temp.resolve("process-" + children.indexOf(p) + ".log")))
                    .isZero();
        }

        List<BaselineMetadata> history = new DirectoryStore(store).history();
        assertThat(history).extracting(BaselineMetadata::version)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 8).boxed().toList());
        assertThat(history).extracting(m -> m.buildId().orElseThrow()).doesNotHaveDuplicates().hasSize(8);
    }
}
