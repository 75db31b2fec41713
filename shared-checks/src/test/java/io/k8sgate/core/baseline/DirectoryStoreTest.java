package io.k8sgate.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
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
        assertThat(lines.get(1)).contains("\"schemaVersion\" : 1");
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
                .replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 7"));

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
