package io.k8sgate.core.conformance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the conformance corpus is: the system property {@code k8s.corpus}; the suites skip, visibly, without it. */
final class Corpus {
    private Corpus() {
    }

    /** The corpus folder, or the test is skipped with a message saying how to run it. */
    static Path require(final String sub) {
        String property = System.getProperty("k8s.corpus", "").trim();
        assumeTrue(!property.isEmpty(), "Conformance corpus not given: run with -Dk8s.corpus=../shared/corpus "
                + "(.ci/run does) to run this suite");
        Path dir = Paths.get(property).resolve(sub);
        assumeTrue(Files.isDirectory(dir), "Conformance corpus folder " + dir + " does not exist: suite skipped");
        return dir;
    }
}
