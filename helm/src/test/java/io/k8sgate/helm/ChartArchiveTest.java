package io.k8sgate.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8sgate.fixtures.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartArchiveTest {
    @Test
    void shouldUnpackTheVendoredArchiveToItsSource(@TempDir final Path dir) throws IOException {
        String top = ChartArchive.unpack(Fixtures.path("helm/web/charts/cache-0.3.0.tgz"), dir);

        assertThat(top).isEqualTo("cache");
        assertThat(files(dir)).as("charts/cache-0.3.0.tgz must be rebuilt from sources/cache (see FIXTURES.md)")
                .isEqualTo(files(Fixtures.path("helm/sources/cache")));
    }

    @Test
    void shouldReadUstarNamesWithAPrefix(@TempDir final Path dir) throws IOException {
        String deep = "templates/" + "nested/".repeat(12) + "job.yaml";
        Path archive = archive(dir, Map.of("app/Chart.yaml", "name: app\n", "app/" + deep, "kind: Job\n"), false);

        ChartArchive.unpack(archive, dir.resolve("out"));

        assertThat(dir.resolve("out/" + deep)).hasContent("kind: Job");
        assertThat(dir.resolve("out/Chart.yaml")).hasContent("name: app");
    }

    @Test
    void shouldRefuseEntriesThatLeaveTheChart(@TempDir final Path dir) throws IOException {
        Path archive = archive(dir, Map.of("app/../../escaped.yaml", "x: 1\n"), false);

        assertThatThrownBy(() -> ChartArchive.unpack(archive, dir.resolve("out"))).isInstanceOf(IOException.class)
                .hasMessageContaining("leaves the chart");
        assertThat(dir.resolve("escaped.yaml")).doesNotExist();
    }

    @Test
    void shouldRefuseAbsolutePaths(@TempDir final Path dir) throws IOException {
        Path archive = archive(dir, Map.of("/etc/app/Chart.yaml", "x: 1\n"), false);

        assertThatThrownBy(() -> ChartArchive.unpack(archive, dir.resolve("out"))).isInstanceOf(IOException.class)
                .hasMessageContaining("absolute path");
    }

    @Test
    void shouldRefuseAnEntryLargerThanHelmAllows(@TempDir final Path dir) throws IOException {
        Path archive = archive(dir, Map.of("app/values.yaml", "x: 1\n"), true);

        assertThatThrownBy(() -> ChartArchive.unpack(archive, dir.resolve("out"))).isInstanceOf(IOException.class)
                .hasMessageContaining("larger than");
    }

    @Test
    void shouldRefuseATruncatedArchive(@TempDir final Path dir) throws IOException {
        Path archive = dir.resolve("cut.tgz");
        byte[] whole = Files.readAllBytes(Fixtures.path("helm/web/charts/cache-0.3.0.tgz"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive))) {
            byte[] tar = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(whole)).readAllBytes();
            out.write(tar, 0, 1700);
        }

        assertThatThrownBy(() -> ChartArchive.unpack(archive, dir.resolve("out"))).isInstanceOf(IOException.class);
    }

    private static Map<String, String> files(final Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(dir.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }

    /** Writes a ustar archive (name split into prefix and name when long); {@code huge} declares a 6 MiB file. */
    private static Path archive(final Path dir, final Map<String, String> entries, final boolean huge)
            throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        for (Map.Entry<String, String> entry : new TreeMap<>(entries).entrySet()) {
            byte[] data = entry.getValue().getBytes(StandardCharsets.UTF_8);
            byte[] header = new byte[512];
            String name = entry.getKey();
            String prefix = "";
            if (name.length() > 100) {
                int split = name.lastIndexOf('/', 154);
                prefix = name.substring(0, split);
                name = name.substring(split + 1);
            }
            put(header, 0, name);
            put(header, 100, "0000644");
            put(header, 124, String.format("%011o", huge ? 6L * 1024 * 1024 : data.length));
            header[156] = '0';
            put(header, 257, "ustar");
            put(header, 263, "00");
            put(header, 345, prefix);
            tar.write(header);
            tar.write(data);
            tar.write(new byte[(512 - data.length % 512) % 512]);
        }
        tar.write(new byte[1024]);
        Path archive = dir.resolve("chart.tgz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive))) {
            out.write(tar.toByteArray());
        }
        return archive;
    }

    private static void put(final byte[] header, final int offset, final String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
