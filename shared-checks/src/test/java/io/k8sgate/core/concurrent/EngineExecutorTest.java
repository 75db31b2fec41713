package io.k8sgate.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineExecutorTest {
    private static List<Integer> numbers(final int count) {
        return IntStream.range(0, count).boxed().toList();
    }

    @Test
    void shouldKeepTheOrderOfTheItemsWhicheverThreadFinishesFirst() {
        Random random = new Random(14);
        List<Integer> delays = numbers(200).stream().map(i -> random.nextInt(200_000)).toList();

        List<String> results = new EngineExecutor(4).map(numbers(200), i -> {
            LockSupport.parkNanos(delays.get(i));
            return "item " + i;
        });

        assertThat(results).containsExactlyElementsOf(numbers(200).stream().map(i -> "item " + i).toList());
    }

    @Test
    void shouldWorkOnNamedDaemonThreadsOfItsOwnAndTheCaller() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();

        new EngineExecutor(3).map(numbers(500), i -> {
            threads.add(Thread.currentThread());
            LockSupport.parkNanos(100_000);
            return i;
        });

        assertThat(threads).hasSizeBetween(1, 3).noneMatch(t -> t instanceof ForkJoinWorkerThread)
                .allSatisfy(t -> assertThat(t == Thread.currentThread()
                        || (t.getName().startsWith(EngineExecutor.THREAD_PREFIX) && t.isDaemon())).isTrue());
    }

    @Test
    void shouldNeverRunMoreItemsAtOnceThanItsParallelism() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Set<Thread> poolThreads = ConcurrentHashMap.newKeySet();
        EngineExecutor executor = new EngineExecutor(2);
        List<Thread> callers = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            Thread caller = new Thread(() -> executor.map(numbers(100), i -> {
                if (Thread.currentThread().getName().startsWith(EngineExecutor.THREAD_PREFIX)) {
                    poolThreads.add(Thread.currentThread());
                }
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                LockSupport.parkNanos(200_000);
                return running.decrementAndGet();
            }));
            callers.add(caller);
            caller.start();
        }
        callers.forEach(EngineExecutorTest::join);

        // every caller works on its own items; the pool adds at most its parallelism to them
        assertThat(most.get()).isBetween(1, 3 + 2);
        assertThat(poolThreads).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void shouldFinishNestedWorkAskedForFromItsOwnThreads() {
        EngineExecutor executor = new EngineExecutor(2);

        List<Integer> sums = executor.map(numbers(20), i -> executor.map(numbers(50), j -> i * j).stream()
                .mapToInt(Integer::intValue).sum());

        assertThat(sums).containsExactlyElementsOf(numbers(20).stream().map(i -> i * 1225).toList());
    }

    @Test
    void shouldPassOnTheFirstFailureAndStartNoFurtherItem() {
        AtomicInteger started = new AtomicInteger();

        assertThatThrownBy(() -> new EngineExecutor(1).map(numbers(10), i -> {
            started.incrementAndGet();
            if (i == 3) {
                throw new IllegalStateException("item " + i + " is broken");
            }
            return i;
        })).isInstanceOf(IllegalStateException.class).hasMessage("item 3 is broken");
        assertThat(started).hasValue(4);
    }

    @Test
    void shouldGiveNothingForNoItems() {
        assertThat(new EngineExecutor(2).map(List.<Integer>of(), i -> i)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0} elements on {1} threads")
    @CsvSource({"10, 4", "100000, 1", "100000, 2", "100000, 3", "123457, 4", "40000, 8"})
    void shouldSortStablyLikeASingleThreadedSort(final int size, final int threads) {
        Random random = new Random(size);
        int[][] pairs = new int[size][];
        for (int i = 0; i < size; i++) {
            pairs[i] = new int[] {random.nextInt(50), i}; // many equal keys; the second value tells their order
        }
        Comparator<int[]> byKey = Comparator.comparingInt(p -> p[0]);
        int[][] expected = pairs.clone();
        Arrays.sort(expected, byKey);

        new EngineExecutor(threads).sort(pairs, byKey);

        assertThat(pairs).isEqualTo(expected);
    }

    @Test
    void shouldRefuseLessThanOneThread() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EngineExecutor(0)).withMessageContaining("0");
    }

    @Test
    void shouldShareOneThreadPerProcessor() {
        assertThat(EngineExecutor.shared()).isSameAs(EngineExecutor.shared());
        assertThat(EngineExecutor.shared().parallelism()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    private static void join(final Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
