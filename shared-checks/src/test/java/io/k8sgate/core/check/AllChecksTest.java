package io.k8sgate.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.PssLevel;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.registry.CheckCatalog;
import io.k8sgate.core.registry.CheckRegistry;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Meta-tests over the whole catalogue. */
class AllChecksTest {
    private final CheckRegistry registry = CheckRegistry.defaultRegistry();

    @Test
    void shouldGiveEveryCheckATestClassAndFixtures() {
        for (Check check : registry.all()) {
            String testName = check.getClass().getName() + "Test";
            assertThat(classExists(testName)).as("test class %s", testName).isTrue();
            assertThat(AbstractCheckTest.class).isAssignableFrom(load(testName));
            String id = check.metadata().id();
            assertThat(Files.isDirectory(Fixtures.path("checks/" + id + "/violating"))).isTrue();
            assertThat(Files.isDirectory(Fixtures.path("checks/" + id + "/compliant"))).isTrue();
        }
    }

    @Test
    void shouldHaveNoFixtureFolderWithoutACheck() throws IOException {
        try (var dirs = Files.list(Fixtures.path("checks"))) {
            List<String> ids = dirs.map(p -> p.getFileName().toString()).toList();
            assertThat(ids).allSatisfy(id -> assertThat(registry.byId(id)).as("check %s", id).isPresent());
        }
    }

    @Test
    void shouldUseValidIdsAndMetadata() {
        for (Check check : registry.all()) {
            CheckMetadata m = check.metadata();
            assertThat(m.id()).matches(CheckMetadata.ID_PATTERN);
            assertThat(m.title()).isNotBlank().doesNotEndWith(".");
            assertThat(m.description()).isNotBlank();
            assertThat(m.remediation()).isNotBlank();
            assertThat(m.references()).allSatisfy(r -> assertThat(r).startsWith("https://"));
            assertThat(m.since()).matches("\\d+\\.\\d+\\.\\d+");
            assertThat(check.getClass().getSimpleName()).endsWith("Check");
            assertThat(java.lang.reflect.Modifier.isFinal(check.getClass().getModifiers())).isTrue();
            assertThat(check.getClass().getDeclaredFields()).as("%s keeps no state", check.getClass())
                    .allSatisfy(f -> assertThat(java.lang.reflect.Modifier.isStatic(f.getModifiers())).isTrue());
        }
    }

    @Test
    void shouldKeepChecksMdInStepWithTheRegistry() throws IOException {
        Path file = projectRoot().resolve("CHECKS.md");
        String expected = CheckCatalog.markdown(registry);
        if (Boolean.getBoolean("k8s.updateDocs")) {
            Files.writeString(file, expected);
        }
        assertThat(file).as("CHECKS.md is stale: run ./mvnw -pl shared-checks test -Dk8s.updateDocs=true "
                + "-Dtest=AllChecksTest").exists();
        assertThat(Files.readString(file)).as("CHECKS.md is stale: run ./mvnw -pl shared-checks -am test "
                + "-Dk8s.updateDocs=true -Dtest=AllChecksTest -Dsurefire.failIfNoSpecifiedTests=false")
                .isEqualTo(expected);
    }

    /**
     * Default severities follow the Pod Security Standards: what Baseline admission rejects fails the default policy
     * (HIGH or above), what only Restricted rejects warns at least (MEDIUM or above).
     */
    @Test
    void shouldRateEachPodSecurityControlAtLeastAsItsLevelAsks() {
        for (Check check : registry.all()) {
            CheckMetadata m = check.metadata();
            if (m.pssLevel() == PssLevel.BASELINE) {
                assertThat(m.severity().isAtLeast(Severity.HIGH)).as("%s is a Baseline control: %s", m.id(),
                        m.severity()).isTrue();
            } else if (m.pssLevel() == PssLevel.RESTRICTED) {
                assertThat(m.severity().isAtLeast(Severity.MEDIUM)).as("%s is a Restricted control: %s", m.id(),
                        m.severity()).isTrue();
            }
        }
    }

    /** A risk Trivy rates HIGH or CRITICAL by default at least warns under our default policy. */
    @Test
    void shouldWarnAtLeastWhereTrivyRatesTheSameRiskHigh() {
        java.util.Map<String, String> defaults = CheckCatalog.peerDefaults();
        for (Check check : registry.all()) {
            CheckMetadata m = check.metadata();
            boolean trivyHigh = m.equivalents().getOrDefault("trivy", List.of()).stream()
                    .map(id -> Severity.parse(defaults.getOrDefault("trivy\t" + id, "")))
                    .anyMatch(s -> s.isPresent() && s.get().isAtLeast(Severity.HIGH));
            if (trivyHigh) {
                assertThat(m.severity().isAtLeast(Severity.MEDIUM)).as("%s: %s", m.id(), m.severity()).isTrue();
            }
        }
    }

    @Test
    void shouldKnowEachPeerDefaultTheDefaultsTableShows() {
        java.util.Map<String, String> defaults = CheckCatalog.peerDefaults();
        List<String> unknown = new java.util.ArrayList<>();
        for (Check check : registry.all()) {
            for (String peer : CheckCatalog.DEFAULT_PEERS) {
                for (String id : check.metadata().equivalents().getOrDefault(peer, List.of())) {
                    if (!defaults.containsKey(peer + "\t" + id)) {
                        unknown.add(check.metadata().id() + ": " + peer + " " + id);
                    }
                }
            }
        }
        assertThat(unknown).as("equivalents without a default in peer-defaults.tsv").isEmpty();
        assertThat(CheckCatalog.markdown(registry)).contains("\n## Defaults\n", "| K8S-WL-001 | CRITICAL | baseline |");
    }

    @Test
    void shouldRejectDuplicateIds() {
        Check a = registry.all().get(0);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new CheckRegistry(List.of(a, a))).withMessageContaining("Duplicate check id");
    }

    static Path projectRoot() {
        String root = System.getProperty("k8s.projectRoot", "");
        Path p = root.isEmpty() ? Paths.get("").toAbsolutePath().getParent() : Paths.get(root);
        return p;
    }

    private static boolean classExists(final String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Class<?> load(final String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
