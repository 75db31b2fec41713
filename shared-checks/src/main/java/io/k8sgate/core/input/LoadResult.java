package io.k8sgate.core.input;

import io.k8sgate.core.model.Diagnostic;
import java.util.List;

/**
 * What the loader read.
 *
 * @param objects     the Kubernetes objects, in input order
 * @param diagnostics problems with the input, each naming file and line
 * @param files       every file that was read
 */
public record LoadResult(List<K8sObject> objects, List<Diagnostic> diagnostics, List<String> files) {
    /** The code of the error that inputs hold no Kubernetes object at all. */
    public static final String NO_OBJECTS = "no-objects";

    public LoadResult {
        objects = List.copyOf(objects);
        diagnostics = List.copyOf(diagnostics);
        files = List.copyOf(files);
    }
}
