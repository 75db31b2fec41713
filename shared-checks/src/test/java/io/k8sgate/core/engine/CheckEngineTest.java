package io.k8sgate.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.concurrent.EngineExecutor;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.registry.CheckRegistry;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine gives the same result however it slices the input, and every check that declares itself object-scoped
 * is: over the fixtures of the whole catalogue loaded together (every kind the checks look at, side by side), its
 * findings do not change when it sees one object at a time.
 */
class CheckEngineTest {
    private static final List<Check> ALL = CheckRegistry.defaultRegistry().all();
    private static List<K8sObject> objects;

    @BeforeAll
    static void loadEveryFixture() throws IOException {
        List<K8sObject> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Fixtures.path("checks"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".json"))
                    .sorted().toList()) {
                all.addAll(new ManifestLoader().parse(Fixtures.root().relativize(file).toString(), read(file),
                        problem -> { }));
            }
        }
        objects = List.copyOf(all);
    }

    private static String read(final Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CheckContext context() {
        return CheckContext.of(objects, CheckSettings.DEFAULT);
    }

    @Test
    void shouldGiveTheSameFindingsWhateverTheSliceSize() {
        EngineResult whole = new CheckEngine(Integer.MAX_VALUE, EngineExecutor.shared()).run(context(), ALL);

        assertThat(objects).hasSizeGreaterThan(300);
        assertThat(whole.findings()).hasSizeGreaterThan(300);
        assertThat(whole.diagnostics()).isEmpty();
        for (int size : new int[] {1, 7, CheckEngine.MAX_SLICE}) {
            EngineResult sliced = new CheckEngine(size, EngineExecutor.shared()).run(context(), ALL);
            // a check's own order may follow an index rather than the input (the gate sorts findings afterwards)
            assertThat(sliced.findings()).as("findings with slices of %d objects", size)
                    .containsExactlyInAnyOrderElementsOf(whole.findings());
            assertThat(sliced.findings().stream().map(Finding::checkId).distinct().toList())
                    .as("checks in catalogue order").isEqualTo(whole.findings().stream().map(Finding::checkId)
                            .distinct().toList());
            assertThat(sliced.diagnostics()).isEmpty();
        }
        assertThat(new CheckEngine().run(context(), ALL).findings())
                .containsExactlyInAnyOrderElementsOf(whole.findings());
    }

    @Test
    void shouldFindTheSameForEachObjectScopedCheckOnOneObjectAtATime() {
        List<Check> scoped = ALL.stream().filter(c -> c.metadata().objectScoped()).toList();
        assertThat(scoped).hasSizeGreaterThan(30);
        for (Check check : scoped) {
            List<Finding> whole = check.evaluate(context());
            List<Finding> oneByOne = context().slices(1).stream().flatMap(s -> check.evaluate(s).stream()).toList();
            assertThat(oneByOne).as("findings of %s, declared object-scoped, one object at a time",
                    check.metadata().id()).containsExactlyInAnyOrderElementsOf(whole);
        }
    }

    @Test
    void shouldSeeTheDifferenceForChecksThatLookAcrossObjects() {
        // the comparison above can fail: checks that need other objects find something else on single objects
        List<String> differing = new ArrayList<>();
        for (Check check : ALL.stream().filter(c -> !c.metadata().objectScoped()).toList()) {
            List<Finding> whole = check.evaluate(context());
            List<Finding> oneByOne = context().slices(1).stream().flatMap(s -> check.evaluate(s).stream()).toList();
            if (!new ArrayList<>(whole).equals(oneByOne)) {
                differing.add(check.metadata().id());
            }
        }
        assertThat(differing).as("checks whose findings change on single objects").contains("K8S-NET-005",
                "K8S-RBAC-018", "K8S-WL-054", "K8S-WL-060");
    }

    @Test
    void shouldReportACheckThatFailsOnSeveralSlicesOnce() {
        Check failing = new Check() {
            private final CheckMetadata metadata = CheckMetadata.of("K8S-TEST-001", "Always fails", Severity.LOW,
                    Category.WORKLOAD).withObjectScope();

            @Override
            public CheckMetadata metadata() {
                return metadata;
            }

            @Override
            public List<Finding> evaluate(final CheckContext context) {
                throw new IllegalStateException("broken on " + context.objects().size() + " objects");
            }
        };

        Check privileged = CheckRegistry.defaultRegistry().byId("K8S-WL-001").orElseThrow();
        EngineResult result = new CheckEngine(5, EngineExecutor.shared()).run(context(), List.of(failing, privileged));

        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("check-failed");
            assertThat(d.message()).contains("K8S-TEST-001", "broken on 5 objects");
        });
        assertThat(result.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.checkId()).isEqualTo("K8S-WL-001"));
    }

    @Test
    void shouldPickSlicesThatSpreadTheWorkWithinBounds() {
        assertThat(CheckEngine.sliceSize(0, 2)).isEqualTo(16);
        assertThat(CheckEngine.sliceSize(50_000_000, 2)).isEqualTo(CheckEngine.MAX_SLICE);
        assertThat(CheckEngine.sliceSize(16 * 4 * 3 * 10, 3)).isEqualTo(160);
    }

    @Test
    void shouldGiveTheSameFindingsInTheSameOrderOnOneThreadOrMany() {
        EngineResult one = new CheckEngine(7, new EngineExecutor(1)).run(context(), ALL);
        EngineResult many = new CheckEngine(7, new EngineExecutor(4)).run(context(), ALL);

        assertThat(many.findings()).isNotEmpty().containsExactlyElementsOf(one.findings());
    }

    @Test
    void shouldRunChecksOnTheEngineThreadsAndTheCaller() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Check recording = new Check() {
            @Override
            public CheckMetadata metadata() {
                return CheckMetadata.of("K8S-TEST-002", "Records its thread", Severity.LOW, Category.WORKLOAD)
                        .withObjectScope();
            }

            @Override
            public List<Finding> evaluate(final CheckContext context) {
                threads.add(Thread.currentThread());
                LockSupport.parkNanos(1_000_000); // long enough for every thread to take part
                return List.of();
            }
        };

        new CheckEngine(1, new EngineExecutor(3)).run(context(), List.of(recording));

        assertThat(threads).hasSizeBetween(2, 3).allSatisfy(t -> assertThat(
                t == Thread.currentThread() || t.getName().startsWith(EngineExecutor.THREAD_PREFIX)).isTrue());
    }
}
