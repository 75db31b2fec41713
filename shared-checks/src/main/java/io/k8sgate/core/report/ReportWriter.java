package io.k8sgate.core.report;

import io.k8sgate.core.GateOutcome;
import java.io.IOException;
import java.io.OutputStream;

/** Writes one report format. Implementations keep no state and escape every value that comes from the inputs. */
public interface ReportWriter {
    /** Writes the report for {@code outcome} to {@code out} (UTF-8); does not close the stream. */
    void write(GateOutcome outcome, OutputStream out) throws IOException;
}
