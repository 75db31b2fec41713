package io.k8sgate.core.baseline;

import java.nio.file.Paths;

/**
 * Run in a child JVM by the process tests: records {@code count} versions into the store at {@code args[0]}
 * ({@code count} 0 records until the process is killed).
 */
final class RecordLoop {
    private RecordLoop() {
    }

    public static void main(final String[] args) {
        DirectoryStore store = new DirectoryStore(Paths.get(args[0]));
        int count = Integer.parseInt(args[1]);
        Snapshot content = BaselineFixtures.app("v1");
        for (int i = 0; count == 0 || i < count; i++) {
            store.record(content, BaselineFixtures.provenance(args[2] + "-" + i));
        }
    }
}
