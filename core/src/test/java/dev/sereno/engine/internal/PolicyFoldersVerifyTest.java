package dev.sereno.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleSource;
import dev.sereno.situation.Agent;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Customer;
import dev.sereno.situation.Promise;
import dev.sereno.situation.Situation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every policy in the repository passes the guard and the bytecode verifier when loaded from its folder, as
 * {@code --rules} loads it, and the bundled policy's own loop (over overdue promises) still runs under the budget.
 */
class PolicyFoldersVerifyTest {
    private static final Path BUNDLED = Path.of("../rules/src/main/resources/dev/sereno/rules");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"../rules/src/main/resources/dev/sereno/rules", "../cli/src/test/resources/dev/sereno/cli/tiny-policy",
            "../benchmarks/src/main/resources/dev/sereno/benchmarks"})
    void everyPolicyInTheRepositoryLoadsFromItsFolder(String folder, @TempDir Path tmp) throws IOException {
        Path dir = Path.of(folder);
        if (!Files.exists(dir.resolve("policy.properties")) && !folder.endsWith("tiny-policy")) {
            // a folder of DRL files beside other resources: only the DRL, as a policy folder of its own
            try (Stream<Path> files = Files.list(dir)) {
                for (Path drl : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".drl"))::iterator) {
                    Files.copy(drl, tmp.resolve(drl.getFileName()));
                }
            }
            dir = tmp;
        }
        try (Advisor advisor = Advisor.builder().rules(RuleSource.directory(dir)).build()) {
            assertThat(advisor.policy().rules()).isNotEmpty();
        }
    }

    @Test
    void theBundledPolicysLoopOverPromisesRunsUnderTheBudget() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        Situation s = Situation.builder().now(now).customer(Customer.of("C")).agent(Agent.of("A"))
                .complaint(Complaint.builder("K").claim("late").build())
                .promises(new Promise("P1", "call back", "A", now.minusSeconds(9000), now.minusSeconds(3600), null),
                        new Promise("P2", "refund", "A", now.minusSeconds(9000), now.minusSeconds(7200), null))
                .build();
        try (Advisor advisor = Advisor.builder().rules(RuleSource.directory(BUNDLED)).build()) {
            Advice advice = advisor.advise(s);
            assertThat(advice.warnings()).anySatisfy(w -> {
                assertThat(w.code()).isEqualTo("PROMISE_OVERDUE");
                assertThat(w.why()).contains("refund; call back");
            });
        }
    }

    /** What verification adds to loading the bundled policy from a folder; the figures are in docs/reliability.md. */
    @Test
    void verificationIsASmallPartOfLoadingAPolicy() throws IOException {
        Map<String, String> drl = new TreeMap<>();
        try (Stream<Path> files = Files.list(BUNDLED)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".drl"))::iterator) {
                drl.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        long[] with = new long[3];
        long[] without = new long[3];
        for (int i = 0; i < 3; i++) {
            without[i] = timed(() -> PolicyLoader.compile(drl, new ArrayList<>(), PolicyLoader.Checks.NONE));
            with[i] = timed(() -> PolicyLoader.compile(drl, new ArrayList<>(), PolicyLoader.Checks.ALL));
        }
        long withBest = Math.min(with[1], with[2]);
        long withoutBest = Math.min(without[1], without[2]);
        System.out.printf("bundled policy from a folder: %d ms with the guard and verification, %d ms without (%d files)%n",
                withBest, withoutBest, drl.size());
        assertThat(withBest).isLessThan(withoutBest * 2);
    }

    private static long timed(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void theVerifierRefusesNothingTheBundledPolicyNeeds() throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, String> drl = new TreeMap<>();
        try (Stream<Path> files = Files.list(BUNDLED)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".drl"))::iterator) {
                drl.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        assertThat(PolicyLoader.compile(drl, problems, PolicyLoader.Checks.COMPILED_ONLY)).isNotNull();
        assertThat(problems).isEmpty();
    }
}
