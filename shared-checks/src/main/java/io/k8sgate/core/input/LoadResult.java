package io.k8sgate.core.input;

import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.InputSummary;
import java.util.List;
import java.util.Objects;

/**
 * What the loader read.
 *
 * @param objects     the Kubernetes objects, in input order
 * @param diagnostics problems with the input, each naming file and line
 * @param files       every file that was read (rendered sources: the files their rendering read)
 * @param inputs      what was rendered, skipped or defined twice
 * @param sources     where places in rendered output lead back to
 */
public record LoadResult(List<K8sObject> objects, List<Diagnostic> diagnostics, List<String> files,
        InputSummary inputs, SourceMap sources) {
    /** The code of the error that inputs hold no Kubernetes object at all. */
    public static final String NO_OBJECTS = "no-objects";

    public LoadResult {
        objects = List.copyOf(objects);
        diagnostics = List.copyOf(diagnostics);
        files = List.copyOf(files);
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(sources, "sources");
    }

    /** What plain files yielded: nothing rendered, skipped or defined twice. */
    public LoadResult(final List<K8sObject> objects, final List<Diagnostic> diagnostics, final List<String> files) {
        this(objects, diagnostics, files, InputSummary.EMPTY, SourceMap.EMPTY);
    }
}
