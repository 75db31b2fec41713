package io.k8sgate.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, item 8: reports are replaced whole or not at all, and no temporary file outlives a run. */
class ReportFilesTest {
    @TempDir
    Path dir;

    private long temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(ReportFiles.TEMP_PREFIX)).count();
        }
    }

    @Test
    void shouldLeaveNoTemporaryFileAndTheOldReportWhenWritingFailsEvenForLackOfMemory() throws IOException {
        Path report = dir.resolve("k8s-security-report.html");
        Files.writeString(report, "the previous report");

        assertThatThrownBy(() -> ReportFiles.atomically(report, out -> {
            out.write("half a report".getBytes(StandardCharsets.UTF_8));
            throw new OutOfMemoryError("Java heap space");
        })).isInstanceOf(OutOfMemoryError.class);
        assertThatThrownBy(() -> ReportFiles.atomically(report, out -> {
            throw new IllegalStateException("a bug in a writer");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(temporaryFiles()).isZero();
        assertThat(report).hasContent("the previous report");
    }

    @Test
    void shouldClearTemporaryFilesOfKilledRunsButNotThoseOfRunsStillWriting() throws IOException {
        Path old = Files.createFile(dir.resolve(ReportFiles.TEMP_PREFIX + "123" + ReportFiles.TEMP_SUFFIX));
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(ReportFiles.STALE).minusSeconds(60)));
        Path fresh = Files.createFile(dir.resolve(ReportFiles.TEMP_PREFIX + "456" + ReportFiles.TEMP_SUFFIX));

        ReportFiles.write(ReportSamples.clean(), EnumSet.of(ReportFormat.JSON), dir);

        assertThat(old).doesNotExist();
        assertThat(fresh).exists();
        assertThat(dir.resolve(ReportFormat.JSON.fileName())).exists();
    }

    @Test
    void shouldMakeReportsReadableByOthersOnPosixFileSystems() throws IOException {
        ReportFiles.write(ReportSamples.clean(), EnumSet.of(ReportFormat.HTML), dir);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    dir.resolve(ReportFiles.STYLESHEET)))).isEqualTo("rw-r--r--");
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    dir.resolve(ReportFormat.HTML.fileName())))).isEqualTo("rw-r--r--");
        }
        assertThat(temporaryFiles()).isZero();
    }
}
