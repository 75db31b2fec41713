package io.k8sgate.core.report;

import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.concurrent.EngineExecutor;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a set of reports into a directory, each atomically: into a temporary file that is renamed over the report
 * only once complete, and removed whatever stops the writing (an I/O error, a bug, the heap running out), so that a
 * reader never sees half a report and no temporary file is left behind. Temporary files a killed run could not remove
 * are cleared by the next run once they are old enough to belong to no run still writing.
 */
public final class ReportFiles {
    /** The stylesheet the HTML report links to. */
    public static final String STYLESHEET = "k8s-security-report.css";
    /** How temporary report files are named. */
    static final String TEMP_PREFIX = ".k8s-security-";
    static final String TEMP_SUFFIX = ".tmp";
    /** The age after which a temporary report file can only be a left-over of a run that was killed. */
    static final Duration STALE = Duration.ofHours(1);
    /** Reports are for everyone who may read the directory, as files written the usual way are. */
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");
    private static final int BUFFER = 1 << 16;

    private ReportFiles() {
    }

    /**
     * Writes every format into {@code directory} and returns the files written, in the order of the formats. The
     * formats are written at the same time on the engine's threads (each writer streams from the outcome, which
     * nobody changes any more), so a run's last step takes about as long as its largest report.
     */
    public static List<Path> write(final GateOutcome outcome, final Collection<ReportFormat> formats,
            final Path directory) throws IOException {
        Files.createDirectories(directory);
        removeStale(directory, Instant.now().minus(STALE));
        List<List<Path>> files;
        try {
            files = EngineExecutor.shared().map(List.copyOf(formats), format -> {
                try {
                    return write(outcome, format, directory);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<Path> written = new ArrayList<>();
        files.forEach(written::addAll);
        return written;
    }

    /** Writes one format (and, for HTML, the stylesheet beside it). */
    private static List<Path> write(final GateOutcome outcome, final ReportFormat format, final Path directory)
            throws IOException {
        Path target = directory.resolve(format.fileName());
        atomically(target, out -> format.writer().write(outcome, out));
        if (format != ReportFormat.HTML) {
            return List.of(target);
        }
        Path css = directory.resolve(STYLESHEET);
        atomically(css, out -> {
            try (InputStream in = stylesheet()) {
                in.transferTo(out);
            }
        });
        return List.of(target, css);
    }

    /** Writes what produces a file's content. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code target} through a temporary file in its directory, removed if anything goes wrong. */
    static void atomically(final Path target, final Content content) throws IOException {
        Path dir = Objects.requireNonNull(target.toAbsolutePath().getParent(), "a file's folder");
        Path tmp = dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX, PosixFilePermissions.asFileAttribute(READABLE))
                : Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX);
        boolean moved = false;
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), BUFFER)) {
                content.writeTo(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Removes temporary report files last written before {@code before} (left by runs that were killed). */
    static void removeStale(final Path directory, final Instant before) throws IOException {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(directory, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path p : temps) {
                try {
                    if (Files.isRegularFile(p) && Files.getLastModifiedTime(p).compareTo(FileTime.from(before)) < 0) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    // another run removed it first, or it cannot be removed: it is not ours to fail on
                }
            }
        }
    }

    /** The stylesheet of the HTML report. */
    public static InputStream stylesheet() throws IOException {
        InputStream in = ReportFiles.class.getResourceAsStream(STYLESHEET);
        if (in == null) {
            throw new IOException("The report stylesheet " + STYLESHEET + " is missing from the engine jar");
        }
        return in;
    }
}
