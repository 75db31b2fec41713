package io.k8sgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.concurrent.EngineExecutor;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.registry.CheckRegistry;
import io.k8sgate.core.report.ReportFiles;
import io.k8sgate.core.report.ReportFormat;
import io.k8sgate.fixtures.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run does its parallel work on the engine's own threads, never in the JVM-wide common pool. */
class SecurityGateThreadsTest {
    @TempDir
    Path reports;

    @Test
    void shouldEvaluateChecksOnTheEngineThreadsAndTheCallerOnly() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch workerTookPart = new CountDownLatch(1);
        Check recording = new Check() {
            private final CheckMetadata metadata = CheckMetadata.of("K8S-TEST-003", "Records its thread",
                    Severity.LOW, Category.WORKLOAD).withObjectScope();

            @Override
            public CheckMetadata metadata() {
                return metadata;
            }

            @Override
            public List<Finding> evaluate(final CheckContext context) {
                threads.add(Thread.currentThread());
                if (Thread.currentThread().getName().startsWith(EngineExecutor.THREAD_PREFIX)) {
                    workerTookPart.countDown();
                } else if (EngineExecutor.shared().parallelism() > 1) {
                    // the caller waits for a worker to take part, however slowly a loaded machine starts it; an
                    // engine that never hands work to its threads fails below
                    awaitQuietly(workerTookPart);
                }
                LockSupport.parkNanos(5_000_000);
                return List.of();
            }
        };
        List<Check> checks = new ArrayList<>(CheckRegistry.defaultRegistry().all());
        checks.add(recording);

        GateOutcome outcome = new SecurityGate(new CheckRegistry(checks), new ManifestLoader())
                .run(GateRequest.of(Fixtures.path("checks"), List.of(".")));

        assertThat(outcome.resources()).hasSizeGreaterThan(300);
        assertThat(threads).isNotEmpty().noneMatch(t -> t instanceof ForkJoinWorkerThread)
                .allSatisfy(t -> assertThat(t == Thread.currentThread()
                        || t.getName().startsWith(EngineExecutor.THREAD_PREFIX)).isTrue());
        if (EngineExecutor.shared().parallelism() > 1) {
            assertThat(threads).anyMatch(t -> t.getName().startsWith(EngineExecutor.THREAD_PREFIX));
        }
    }

    private static void awaitQuietly(final CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void shouldFinishARunWhileEveryThreadOfTheCommonPoolIsBlocked() throws Exception {
        Path app = Fixtures.path("samples/image-app");
        GateRequest request = GateRequest.of(app, List.of("src/main/k8s"))
                .withTrivy(List.of("scans/web.json"), List.of(), List.of());
        CountDownLatch release = new CountDownLatch(1);
        List<ForkJoinTask<?>> blockers = new ArrayList<>();
        for (int i = 0; i < ForkJoinPool.getCommonPoolParallelism(); i++) {
            blockers.add(ForkJoinPool.commonPool().submit(() -> {
                release.await();
                return null;
            }));
        }
        try {
            FutureTask<GateOutcome> run = new FutureTask<>(() -> {
                GateOutcome o = new SecurityGate().run(request);
                ReportFiles.write(o, Set.of(ReportFormat.JSON, ReportFormat.HTML), reports);
                return o;
            });
            Thread runner = new Thread(run, "gate-run");
            runner.setDaemon(true);
            runner.start();
            // the limit only guards against hanging: a run that needed the common pool would wait for it forever
            GateOutcome outcome = run.get(2, TimeUnit.MINUTES);

            assertThat(outcome.findings()).isNotEmpty();
            assertThat(outcome.diagnostics()).noneMatch(d -> d.isError());
            assertThat(reports.resolve(ReportFormat.JSON.fileName())).isNotEmptyFile();
        } finally {
            release.countDown();
            blockers.forEach(ForkJoinTask::join);
        }
    }
}
