package dev.sereno.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.rules.support.DefaultPolicy;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Situation;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Many calls on one Advisor leave the heap where it was: after a full GC, used heap is within 5% of its level
 * after warming up. One call in ten is an invalid situation, so the error path is soaked too. The number of calls
 * comes from {@value #CALLS}: 50,000 in the default build, 1,000,000 with {@code -Preliability}.
 */
class SoakTest {
    static final String CALLS = "sereno.reliability.soakCalls";
    private static final double ALLOWED_GROWTH = 0.05;

    @Test
    void heapAfterManyCallsStaysWhereItWas() throws InterruptedException {
        int calls = Integer.getInteger(CALLS, 50_000);
        List<Situation> situations = new ArrayList<>(ConcurrencyTest.variedSituations());
        Situation invalid = situations.get(0).toBuilder().complaint(Complaint.builder(" ").build()).build();
        run(Math.min(calls, 20_000), situations, invalid); // warm up: JIT, session pool, lazily built caches
        long before = usedHeapAfterGc();
        long start = System.nanoTime();
        long advised = run(calls, situations, invalid);
        long ms = (System.nanoTime() - start) / 1_000_000;
        long after = usedHeapAfterGc();
        System.out.printf("soak: %d calls (%d advised, %d rejected) in %d ms; heap after GC %.1f MB -> %.1f MB (%+.2f%%)%n",
                calls, advised, calls - advised, ms, before / 1e6, after / 1e6, 100.0 * (after - before) / before);
        assertThat(advised).isEqualTo(calls - calls / 10);
        assertThat(after).isLessThanOrEqualTo((long) (before * (1 + ALLOWED_GROWTH)));
    }

    private static long run(int calls, List<Situation> situations, Situation invalid) {
        long advised = 0;
        for (int i = 0; i < calls; i++) {
            if (i % 10 == 9) {
                try {
                    DefaultPolicy.advise(invalid);
                    throw new AssertionError("an invalid situation was advised");
                } catch (InvalidSituationException expected) {
                    continue;
                }
            }
            assertThat(DefaultPolicy.advise(situations.get(i % situations.size())).complaint()).startsWith("K-");
            advised++;
        }
        return advised;
    }

    /** The lowest of a few readings, each after a requested full GC: one reading can catch a GC mid-way. */
    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            lowest = Math.min(lowest, memory.getHeapMemoryUsage().getUsed());
        }
        return lowest;
    }
}
