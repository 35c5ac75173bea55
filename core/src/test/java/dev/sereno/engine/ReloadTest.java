package dev.sereno.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sereno.advice.Advice;
import dev.sereno.advice.Recommendation;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload: a broken policy never replaces a good one, a fixed one does, and no call sees a mix. */
class ReloadTest {
    @TempDir
    Path dir;

    static String policy(String action) {
        return """
                package dev.sereno.rules;
                import dev.sereno.situation.Complaint;
                import dev.sereno.situation.Stage;
                import dev.sereno.policy.Recommend;
                rule "Recommend %1$s"
                    @guidance("G07")
                when
                    Complaint()
                then
                    insert(new Recommend("%1$s", Stage.LISTENING));
                end
                rule "Also recommend %1$s later"
                    @guidance("G12")
                when
                    Complaint()
                then
                    insert(new Recommend("%1$s_TOO", Stage.CLOSING));
                end
                """.formatted(action);
    }

    static final String BROKEN = """
            package dev.sereno.rules;
            import dev.sereno.situation.Complaint;
            rule "Half written"
                @guidance("G07")
            when
                Complaint( stillVenting
            then
            end
            """;

    private static List<String> actions(Advice a) {
        return a.recommendations().stream().map(Recommendation::action).toList();
    }

    @Test
    void watchedFolderKeepsServingTheLastGoodPolicyAndSwitchesWhenFixed() throws Exception {
        Files.writeString(dir.resolve("policy.drl"), policy("A"));
        CountDownLatch failed = new CountDownLatch(1);
        CountDownLatch reloaded = new CountDownLatch(1);
        List<String> reported = new CopyOnWriteArrayList<>();
        PolicyListener listener = new PolicyListener() {
            @Override
            public void onReloaded(String previousRevision, String newRevision) {
                reloaded.countDown();
            }

            @Override
            public void onReloadFailed(String keptRevision, List<String> problems) {
                reported.addAll(problems);
                failed.countDown();
            }
        };
        try (Advisor advisor = Advisor.builder().rules(RuleSource.directory(dir)).reloadOnChange(listener).build()) {
            String revA = advisor.policyRevision();
            Map<String, List<String>> seen = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger calls = new AtomicInteger();
            List<Throwable> errors = new CopyOnWriteArrayList<>();
            Thread[] callers = new Thread[3];
            for (int t = 0; t < callers.length; t++) {
                callers[t] = new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            Advice a = advisor.advise(AdvisorFailureTest.claim("x"));
                            List<String> previous = seen.putIfAbsent(a.policy(), actions(a));
                            if (previous != null && !previous.equals(actions(a))) {
                                throw new AssertionError("revision " + a.policy() + " gave " + actions(a) + " and " + previous);
                            }
                            calls.incrementAndGet();
                        } catch (Throwable e) {
                            errors.add(e);
                            return;
                        }
                    }
                });
                callers[t].start();
            }

            Files.writeString(dir.resolve("policy.drl"), BROKEN);
            assertThat(failed.await(60, TimeUnit.SECONDS)).as("the broken policy is reported").isTrue();
            assertThat(reported).anySatisfy(p -> assertThat(p).startsWith("policy.drl:"));
            assertThat(advisor.policyRevision()).isEqualTo(revA);

            Files.writeString(dir.resolve("policy.drl"), policy("B"));
            assertThat(reloaded.await(60, TimeUnit.SECONDS)).as("the fixed policy is swapped in").isTrue();
            String revB = advisor.policyRevision();
            assertThat(revB).isNotEqualTo(revA);
            int before = calls.get();
            while (calls.get() < before + 50 && errors.isEmpty()) {
                Thread.sleep(10);
            }
            stop.set(true);
            for (Thread t : callers) {
                t.join(10_000);
            }
            assertThat(errors).isEmpty();
            assertThat(seen).containsEntry(revA, List.of("A", "A_TOO")).containsEntry(revB, List.of("B", "B_TOO"))
                    .hasSize(2);
        }
    }

    @Test
    void reloadOnDemandReportsProblemsAndKeepsTheOldRevision() throws IOException {
        Files.writeString(dir.resolve("policy.drl"), policy("A"));
        try (Advisor advisor = Advisor.builder().rules(RuleSource.directory(dir)).build()) {
            String revA = advisor.policyRevision();
            assertThat(advisor.reload()).isEqualTo(revA);
            Files.writeString(dir.resolve("policy.drl"), BROKEN);
            assertThatThrownBy(advisor::reload).isInstanceOf(RulesInvalidException.class);
            assertThat(actions(advisor.advise(AdvisorFailureTest.claim("x")))).containsExactly("A", "A_TOO");
            Files.writeString(dir.resolve("policy.drl"), policy("B"));
            assertThat(advisor.reload()).isNotEqualTo(revA);
            assertThat(actions(advisor.advise(AdvisorFailureTest.claim("x")))).containsExactly("B", "B_TOO");
        }
    }

    @Test
    void reloadOnChangeNeedsAFolder() {
        assertThatThrownBy(() -> Advisor.builder().rules(RuleSource.files(Map.of("a.drl", policy("A"))))
                .reloadOnChange(new PolicyListener() { }).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs rules from a folder");
    }

    /** Many reloads leave the heap where it was: old revisions are released. Count: -Dsereno.reloads (default 40). */
    @Test
    void manyReloadsLeaveTheHeapFlat() throws IOException {
        int reloads = Integer.getInteger("sereno.reloads", 40);
        Files.writeString(dir.resolve("policy.drl"), policy("A0"));
        try (Advisor advisor = Advisor.builder().rules(RuleSource.directory(dir)).build()) {
            long baseline = 0;
            for (int i = 1; i <= reloads; i++) {
                Files.writeString(dir.resolve("policy.drl"), policy("A" + i));
                advisor.reload();
                assertThat(actions(advisor.advise(AdvisorFailureTest.claim("x")))).containsExactly("A" + i, "A" + i + "_TOO");
                if (i == 10) {
                    baseline = usedHeapAfterGc();
                }
            }
            long end = usedHeapAfterGc();
            System.out.printf("reloads: %d, heap after reload 10: %d KiB, after %d: %d KiB%n", reloads, baseline / 1024,
                    reloads, end / 1024);
            assertThat(end - baseline).as("heap growth over %d reloads", reloads - 10).isLessThan(16L * 1024 * 1024);
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
