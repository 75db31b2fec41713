package io.k8sgate.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryStoreTest {
    @TempDir
    Path temp;

    private DirectoryStore store() {
        return new DirectoryStore(temp.resolve("store"));
    }

    @Test
    void shouldNumberVersionsAndListThemWithTheirMetadata() {
        DirectoryStore store = store();
        Snapshot v1 = BaselineFixtures.app("v1");

        store.record(v1, BaselineFixtures.provenance("build-1"));
        Baseline second = store.record(BaselineFixtures.app("v2"), BaselineFixtures.provenance("build-2"));

        assertThat(second.version()).isEqualTo(2);
        assertThat(store.history()).extracting(BaselineMetadata::version, m -> m.buildId().orElseThrow())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "build-1"),
                        org.assertj.core.groups.Tuple.tuple(2L, "build-2"));
        assertThat(store.history().get(0).contentHash()).startsWith("sha256:").isEqualTo(
                BaselineCodec.contentHash(v1));
        assertThat(store.read(1).content()).isEqualTo(v1);
        assertThat(store.latest()).map(Baseline::version).contains(2L);
        assertThat(Files.exists(store.directory().resolve(DirectoryStore.INDEX))).isTrue();
    }

    @Test
    void shouldWriteHumanReadableIndentedJson() throws IOException {
        DirectoryStore store = store();
        store.record(BaselineFixtures.app("v1"), BaselineFixtures.provenance("b"));

        List<String> lines = Files.readAllLines(store.file(1));

        assertThat(lines.get(0)).isEqualTo("{");
        assertThat(lines.get(1)).contains("\"schemaVersion\" : " + BaselineMigrations.CURRENT);
        assertThat(lines.get(2)).contains("\"integrity\" : \"sha256:");
        assertThat(lines).anyMatch(l -> l.contains("\"sourceRevision\" : \"0123456789abcdef"));
    }

    @Test
    void shouldFailClearlyWhenTheStoreIsMissing() {
        assertThatThrownBy(() -> store().history()).isInstanceOf(BaselineException.class)
                .hasMessageContaining("No baseline store at").hasMessageContaining("store");
        assertThatThrownBy(() -> store().latest()).isInstanceOf(BaselineException.class);
    }

    @Test
    void shouldReportAnEmptyStoreAsHavingNoVersion() throws IOException {
        Files.createDirectories(temp.resolve("store"));

        assertThat(store().history()).isEmpty();
        assertThat(store().latest()).isEmpty();
    }

    @Test
    void shouldNameTheVersionWhenItsContentWasChanged() throws IOException {
        DirectoryStore store = store();
        store.record(BaselineFixtures.app("v1"), BaselineFixtures.provenance("b"));
        String text = Files.readString(store.file(1)).replace("registry.example.com/shop/web:3.1.0",
                "registry.example.com/shop/web:evil");
        Files.writeString(store.file(1), text);

        assertThatThrownBy(() -> store.read(1)).isInstanceOf(BaselineException.class)
                .hasMessageContaining("version 1").hasMessageContaining("integrity check");
    }

    @Test
    void shouldNameTheVersionWhenItsFileIsTruncated() throws IOException {
        DirectoryStore store = store();
        store.record(BaselineFixtures.app("v1"), BaselineFixtures.provenance("b"));
        byte[] data = Files.readAllBytes(store.file(1));
        Files.write(store.file(1), java.util.Arrays.copyOf(data, data.length / 2));

        assertThatThrownBy(() -> store.read(1)).isInstanceOf(BaselineException.class)
                .hasMessageContaining("version 1").hasMessageContaining("not valid JSON");
    }

    @Test
    void shouldRefuseAnEmptyVersionFile() throws IOException {
        DirectoryStore store = store();
        store.record(BaselineFixtures.app("v1"), BaselineFixtures.provenance("b"));
        Files.write(store.file(1), new byte[0]);

        assertThatThrownBy(() -> store.read(1)).isInstanceOf(BaselineException.class)
                .hasMessageContaining("version 1").hasMessageContaining("truncated");
    }

    @Test
    void shouldRefuseAVersionWrittenByANewerSchema() throws IOException {
        DirectoryStore store = store();
        store.record(BaselineFixtures.app("v1"), BaselineFixtures.provenance("b"));
        Files.writeString(store.file(1), Files.readString(store.file(1))
                .replace("\"schemaVersion\" : " + BaselineMigrations.CURRENT, "\"schemaVersion\" : 7"));

        assertThatThrownBy(() -> store.read(1)).isInstanceOf(BaselineException.class)
                .hasMessageContaining("version 1").hasMessageContaining("schema version 7")
                .hasMessageContaining("upgrade");
    }

    @Test
    void shouldNameTheExistingVersionsWhenAskedForAnother() {
        DirectoryStore store = store();
        store.record(BaselineFixtures.app("v1"), BaselineFixtures.provenance("b"));

        assertThatThrownBy(() -> store.read(9)).isInstanceOf(BaselineException.class)
                .hasMessageContaining("version 9 does not exist").hasMessageContaining("[1]");
    }

    @Test
    void shouldListAVersionWhoseIndexEntryWasNeverWritten() throws IOException {
        DirectoryStore store = store();
        store.record(BaselineFixtures.app("v1"), BaselineFixtures.provenance("b1"));
        byte[] indexWithOne = Files.readAllBytes(store.directory().resolve(DirectoryStore.INDEX));
        store.record(BaselineFixtures.app("v2"), BaselineFixtures.provenance("b2"));
        Files.write(store.directory().resolve(DirectoryStore.INDEX), indexWithOne);
        Files.writeString(store.directory().resolve(".tmp-v000003.json-abc"), "{\"schemaVer", StandardCharsets.UTF_8);

        assertThat(store.history()).extracting(BaselineMetadata::version).containsExactly(1L, 2L);
        assertThat(store.record(BaselineFixtures.app("v1"), BaselineFixtures.provenance("b3")).version())
                .isEqualTo(3);
        try (var files = Files.list(store.directory())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
        }
    }

    @Test
    void shouldListTheTrueBuildWhenOneByteOfTheIndexIsFlippedIssue16() throws IOException {
        DirectoryStore store = store();
        store.record(BaselineFixtures.app("v1"), BaselineFixtures.provenance("build-1"));
        store.record(BaselineFixtures.app("v2"), BaselineFixtures.provenance("build-2"));
        Path index = store.directory().resolve(DirectoryStore.INDEX);
        Files.writeString(index, Files.readString(index).replace("\"build-2\"", "\"build-3\""));

        assertThat(store.history()).extracting(m -> m.buildId().orElseThrow()).containsExactly("build-1", "build-2");
        assertThat(store.indexProblem()).get(InstanceOfAssertFactories.STRING).contains("index",
                "fails its integrity check");
        assertThat(store.record(BaselineFixtures.app("v1"), BaselineFixtures.provenance("build-4")).version())
                .isEqualTo(3);
        assertThat(store.indexProblem()).isEmpty();
        assertThat(Files.readString(index)).contains("build-2").doesNotContain("build-3");
    }

    @Test
    void shouldRebuildABrokenIndexFromIntactVersionsIssue16() throws IOException {
        DirectoryStore store = store();
        store.record(BaselineFixtures.app("v1"), BaselineFixtures.provenance("build-1"));
        store.record(BaselineFixtures.app("v2"), BaselineFixtures.provenance("build-2"));
        Path index = store.directory().resolve(DirectoryStore.INDEX);
        Files.writeString(index, "{\"schemaVersion\" : 2, \"versions\" : [ {\"version\"");

        List<BaselineMetadata> history = store.history();
        Baseline third = store.record(BaselineFixtures.app("v1"), BaselineFixtures.provenance("build-3"));

        assertThat(history).extracting(BaselineMetadata::version).containsExactly(1L, 2L);
        assertThat(third.version()).isEqualTo(3);
        assertThat(BaselineCodec.readIndex(Files.readAllBytes(index), "index")).extracting(BaselineMetadata::version)
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void shouldNameTheVersionWhenItsMetadataWasChanged() throws IOException {
        DirectoryStore store = store();
        store.record(BaselineFixtures.app("v1"), BaselineFixtures.provenance("build-1"));
        Files.writeString(store.file(1), Files.readString(store.file(1)).replace("\"build-1\"", "\"build-7\""));

        assertThatThrownBy(() -> store.read(1)).isInstanceOf(BaselineException.class)
                .hasMessageContaining("version 1").hasMessageContaining("integrity check")
                .hasMessageContaining("metadata");
    }

    /** Fails writing the temporary file of one target, as a full disk does. */
    private static DirectoryStore.FileOperations diskFullWriting(final String target) {
        return new DirectoryStore.FileOperations() {
            @Override
            public void writeNew(final Path file, final byte[] data) throws IOException {
                if (file.getFileName().toString().startsWith(".tmp-" + target)) {
                    throw new FileSystemException(file.toString(), null, "No space left on device");
                }
                DirectoryStore.FileOperations.super.writeNew(file, data);
            }
        };
    }

    @Test
    void shouldLeaveTheStoreAsItWasWhenTheDiskFillsBetweenTheVersionAndTheIndexIssue16() throws IOException {
        store().record(BaselineFixtures.app("v1"), BaselineFixtures.provenance("build-1"));
        byte[] index = Files.readAllBytes(store().directory().resolve(DirectoryStore.INDEX));
        DirectoryStore full = new DirectoryStore(temp.resolve("store"), diskFullWriting(DirectoryStore.INDEX));

        assertThatThrownBy(() -> full.record(BaselineFixtures.app("v2"), BaselineFixtures.provenance("build-2")))
                .isInstanceOf(BaselineException.class).hasMessageContaining("index.json")
                .hasMessageContaining("the disk is full (No space left on device)")
                .hasMessageContaining("version 2 was not recorded and the store is unchanged");

        assertThat(Files.exists(store().file(2))).isFalse();
        assertThat(store().latest()).map(Baseline::version).contains(1L);
        assertThat(store().history()).extracting(m -> m.buildId().orElseThrow()).containsExactly("build-1");
        assertThat(Files.readAllBytes(store().directory().resolve(DirectoryStore.INDEX))).isEqualTo(index);
        try (var files = Files.list(store().directory())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
        }
        assertThat(store().record(BaselineFixtures.app("v2"), BaselineFixtures.provenance("build-2")).version())
                .isEqualTo(2);
    }

    @Test
    void shouldWriteNoVersionWhenTheDiskIsFullBeforeItIssue16() throws IOException {
        store().record(BaselineFixtures.app("v1"), BaselineFixtures.provenance("build-1"));
        DirectoryStore full = new DirectoryStore(temp.resolve("store"), diskFullWriting("v000002.json"));

        assertThatThrownBy(() -> full.record(BaselineFixtures.app("v2"), BaselineFixtures.provenance("build-2")))
                .isInstanceOf(BaselineException.class).hasMessageContaining("the disk is full");
        assertThat(store().history()).extracting(BaselineMetadata::version).containsExactly(1L);
    }

    /** Refuses to open the lock file, as the operating system does for a read-only mount or a foreign directory. */
    private static DirectoryStore.FileOperations lockRefused(final boolean readOnlyMount) {
        return new DirectoryStore.FileOperations() {
            @Override
            public FileChannel openLock(final Path file) throws IOException {
                throw readOnlyMount ? new FileSystemException(file.toString(), null, "Read-only file system")
                        : new AccessDeniedException(file.toString());
            }
        };
    }

    @Test
    void shouldSayWhyAReadOnlyStoreCannotRecordAndWhatToDoIssue16() throws IOException {
        store().record(BaselineFixtures.app("v1"), BaselineFixtures.provenance("build-1"));
        DirectoryStore mounted = new DirectoryStore(temp.resolve("store"), lockRefused(true));
        DirectoryStore foreign = new DirectoryStore(temp.resolve("store"), lockRefused(false));

        assertThatThrownBy(() -> mounted.record(BaselineFixtures.app("v2"), BaselineFixtures.provenance("b")))
                .isInstanceOf(BaselineException.class).hasMessageContaining(".lock")
                .hasMessageContaining("read-only file system").hasMessageContaining("mount it writable")
                .hasMessageContaining("history, diff, export and comparisons only read it");
        assertThatThrownBy(() -> foreign.prune(1)).isInstanceOf(BaselineException.class)
                .hasMessageContaining("permission denied").hasMessageContaining("give it write access");
        assertThat(mounted.history()).extracting(BaselineMetadata::version).containsExactly(1L);
        assertThat(mounted.read(1).version()).isEqualTo(1);
    }

    @Test
    void shouldPruneAllButTheNewestVersions() {
        DirectoryStore store = store();
        for (int i = 0; i < 5; i++) {
            store.record(BaselineFixtures.app(i % 2 == 0 ? "v1" : "v2"), BaselineFixtures.provenance("b" + i));
        }

        List<BaselineMetadata> removed = store.prune(2);

        assertThat(removed).extracting(BaselineMetadata::version).containsExactly(1L, 2L, 3L);
        assertThat(store.history()).extracting(BaselineMetadata::version).containsExactly(4L, 5L);
        assertThat(Files.exists(store.file(1))).isFalse();
        assertThat(store.record(BaselineFixtures.app("v1"), BaselineFixtures.provenance("b")).version())
                .isEqualTo(6);
        assertThatThrownBy(() -> store.prune(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldLoseNoVersionWhenEightThreadsRecordAtOnce() throws Exception {
        int writers = 8;
        CyclicBarrier start = new CyclicBarrier(writers);
        Snapshot content = BaselineFixtures.app("v1");
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Long>> versions = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String build = "thread-" + i;
                versions.add(pool.submit(() -> {
                    start.await();
                    return new DirectoryStore(temp.resolve("store")).record(content,
                            BaselineFixtures.provenance(build)).version();
                }));
            }
            List<Long> numbers = new ArrayList<>();
            for (Future<Long> f : versions) {
                numbers.add(f.get());
            }

            assertThat(numbers).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, writers).boxed()
                    .toList());
            assertThat(store().history()).hasSize(writers).extracting(m -> m.buildId().orElseThrow())
                    .doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }
}
