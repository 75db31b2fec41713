package io.k8sgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.fixtures.Fixtures;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run without custom checks and without admission policies must not pay for CEL: the gate runs in a class loader
 * of its own, and afterwards the CEL library's classes are still unloaded there.
 */
class CelLoadedOnlyWhenNeededTest {
    private static final String CEL_FACTORY = "dev.cel.bundle.CelFactory";
    private static final String CEL_RUNTIME = "dev.cel.runtime.CelRuntime";

    /** Loads the engine and its libraries itself, and says which classes it loaded. */
    private static final class Isolated extends URLClassLoader {
        Isolated(final URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(final String name) {
            return findLoadedClass(name) != null;
        }
    }

    private static Isolated isolated() throws Exception {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(Paths.get(entry).toUri().toURL());
            }
        }
        return new Isolated(urls.toArray(URL[]::new));
    }

    private static void runGate(final ClassLoader loader, final Path workspace) throws Exception {
        Class<?> gate = loader.loadClass(SecurityGate.class.getName());
        Class<?> request = loader.loadClass(GateRequest.class.getName());
        Object r = request.getMethod("of", Path.class, List.class).invoke(null, workspace, List.of("."));
        Object outcome = gate.getMethod("run", request).invoke(gate.getConstructor().newInstance(), r);
        assertThat(outcome.toString()).contains("GateOutcome");
    }

    @Test
    void shouldNotLoadCelForARunWithoutRules() throws Exception {
        try (Isolated loader = isolated()) {
            runGate(loader, Fixtures.path("samples/shop"));

            assertThat(loader.loaded(SecurityGate.class.getName())).as("the gate ran in the loader").isTrue();
            assertThat(loader.loaded(CEL_FACTORY)).isFalse();
            assertThat(loader.loaded(CEL_RUNTIME)).isFalse();
        }
    }

    @Test
    void shouldLoadCelForARunWithAnAdmissionPolicy() throws Exception {
        try (Isolated loader = isolated()) {
            runGate(loader, Fixtures.path("rules/admission/variables"));

            assertThat(loader.loaded(CEL_FACTORY)).isTrue();
        }
    }
}
