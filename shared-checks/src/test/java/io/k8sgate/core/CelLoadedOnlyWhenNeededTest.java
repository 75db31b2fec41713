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
        for (String entry : path.split(File.pathSeparator, -1)) {
            if (!entry.isBlank()) {
                urls.add(Paths.get(entry).toUri().toURL());
            }
        }
        return new Isolated(urls.toArray(URL[]::new));
    }

    /** Reads the policy file as the front ends do, then runs the gate with it. */
    private static void runGate(final ClassLoader loader, final Path workspace, final String policyText)
            throws Exception {
        Class<?> gate = loader.loadClass(SecurityGate.class.getName());
        Object instance = gate.getConstructor().newInstance();
        Class<?> loaderClass = loader.loadClass(io.k8sgate.core.policy.PolicyLoader.class.getName());
        Object policy = loaderClass.getMethod("parse", String.class, String.class).invoke(loaderClass
                .getConstructor(java.util.Set.class).newInstance(gate.getMethod("checkIds").invoke(instance)),
                "k8s-security.yaml", policyText);
        Class<?> request = loader.loadClass(GateRequest.class.getName());
        Object r = request.getMethod("of", Path.class, List.class).invoke(null, workspace, List.of("."));
        r = request.getMethod("withPolicy", policy.getClass()).invoke(r, policy);
        Object outcome = gate.getMethod("run", request).invoke(instance, r);
        assertThat(outcome.toString()).contains("GateOutcome");
    }

    @Test
    void shouldNotLoadCelForARunWithoutRules() throws Exception {
        try (Isolated loader = isolated()) {
            runGate(loader, Fixtures.path("samples/shop"), Fixtures.read("policies/full.yaml"));

            assertThat(loader.loaded(SecurityGate.class.getName())).as("the gate ran in the loader").isTrue();
            assertThat(loader.loaded(CEL_FACTORY)).isFalse();
            assertThat(loader.loaded(CEL_RUNTIME)).isFalse();
        }
    }

    @Test
    void shouldLoadCelForAPolicyWithCustomChecks() throws Exception {
        try (Isolated loader = isolated()) {
            runGate(loader, Fixtures.path("samples/shop"), Fixtures.read("rules/custom/k8s-security.yaml"));

            assertThat(loader.loaded(CEL_FACTORY)).isTrue();
        }
    }

    @Test
    void shouldLoadCelForARunWithAnAdmissionPolicy() throws Exception {
        try (Isolated loader = isolated()) {
            runGate(loader, Fixtures.path("rules/admission/variables"), "failOn: HIGH\n");

            assertThat(loader.loaded(CEL_FACTORY)).isTrue();
        }
    }
}
