package io.k8sgate.core.report;

import io.k8sgate.core.GateOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Writes a set of reports into a directory, each atomically (temporary file, then rename). */
public final class ReportFiles {
    /** The stylesheet the HTML report links to. */
    public static final String STYLESHEET = "k8s-security-report.css";

    private ReportFiles() {
    }

    /** Writes every format into {@code directory} and returns the files written. */
    public static List<Path> write(final GateOutcome outcome, final Collection<ReportFormat> formats,
            final Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        for (ReportFormat format : formats) {
            Path target = directory.resolve(format.fileName());
            Path tmp = Files.createTempFile(directory, ".k8s-security-", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                format.writer().write(outcome, out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written.add(target);
            if (format == ReportFormat.HTML) {
                Path css = directory.resolve(STYLESHEET);
                try (InputStream in = stylesheet()) {
                    Files.copy(in, css, StandardCopyOption.REPLACE_EXISTING);
                }
                written.add(css);
            }
        }
        return written;
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
