package io.k8sgate.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.ManifestLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CheckContextTest {
    private static List<K8sObject> pods(final int count) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < count; i++) {
            yaml.append("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p").append(i).append("\nspec:\n  containers:\n")
                    .append("    - name: app\n      image: nginx\n---\n");
        }
        return new ManifestLoader().parse("pods.yaml", yaml.toString(), d -> { });
    }

    /** An analysis for the tests: how often it was computed. */
    record Counted(int number) {
    }

    @Test
    void shouldComputeAnAnalysisOnceWhenSeveralThreadsAskAtTheSameTime() throws Exception {
        CheckContext context = CheckContext.of(pods(3), CheckSettings.DEFAULT);
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch bothAsking = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Counted>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    bothAsking.countDown();
                    bothAsking.await(5, TimeUnit.SECONDS);
                    return context.analysis(Counted.class, c -> {
                        sleep(100); // long enough for the other thread to ask meanwhile
                        return new Counted(computed.incrementAndGet());
                    });
                }));
            }
            assertThat(results.get(0).get(10, TimeUnit.SECONDS)).isSameAs(results.get(1).get(10, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertThat(computed).hasValue(1);
    }

    @Test
    void shouldPassOnTheFailureOfAnAnalysisToEveryCheckThatAsks() {
        CheckContext context = CheckContext.of(pods(1), CheckSettings.DEFAULT);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> context.analysis(Counted.class, c -> {
                throw new IllegalArgumentException("broken input");
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("broken input");
        }
    }

    @Test
    void shouldSliceTheObjectsInOrderSharingTheirWorkloads() {
        CheckContext context = CheckContext.of(pods(10), CheckSettings.DEFAULT);

        List<CheckContext> slices = context.slices(4);

        assertThat(slices).hasSize(3);
        assertThat(slices.stream().map(s -> s.objects().size()).toList()).containsExactly(4, 4, 2);
        assertThat(slices.stream().flatMap(s -> s.objects().stream()).toList())
                .containsExactlyElementsOf(context.objects());
        assertThat(slices.get(1).workloads()).hasSize(4).allSatisfy(w -> assertThat(context.workloads())
                .anySatisfy(whole -> assertThat(whole).isSameAs(w)));
        assertThat(slices.get(2).ofKind("Pod")).containsExactlyElementsOf(context.objects().subList(8, 10));
        assertThat(context.slices(10)).containsExactly(context);
        assertThatThrownBy(() -> context.slices(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
