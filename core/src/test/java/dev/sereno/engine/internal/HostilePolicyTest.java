package dev.sereno.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleFailureException;
import dev.sereno.engine.RuleSource;
import dev.sereno.engine.RulesInvalidException;
import dev.sereno.situation.Agent;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Customer;
import dev.sereno.situation.Situation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * The hostile-policy corpus ({@code hostile/*.drl}): every attempt to reach files, the network, processes, threads,
 * reflection, the clock, randomness, the JVM's defaults or the engine is refused with {@code file:line} and the name
 * that is not allowed, by the source guard and by the bytecode verifier on its own; what passes both (loops,
 * recursion, allocation, errors) ends a call in a typed rule failure, quickly. Each file says what is expected in its
 * first lines: {@code // guard:}, {@code // verifier:}, {@code // line:}, {@code // fails:}, {@code // canary}.
 */
class HostilePolicyTest {
    private static final String CORPUS = "/dev/sereno/engine/hostile/";

    record Case(String file, String text, Map<String, String> expect) {
        @Override
        public String toString() {
            return file;
        }

        String line() {
            return expect.get("line");
        }

        String withCanary(Path canary) {
            return text.replace("CANARY", canary.toString());
        }
    }

    static List<Case> corpus() throws IOException {
        List<Case> out = new ArrayList<>();
        for (String name : index()) {
            try (InputStream in = HostilePolicyTest.class.getResourceAsStream(CORPUS + name)) {
                String text = new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> expect = new LinkedHashMap<>();
                for (String line : text.split("\n")) {
                    if (!line.startsWith("// ")) {
                        break;
                    }
                    String[] kv = line.substring(3).split(":", 2);
                    expect.put(kv[0].strip(), kv.length > 1 ? kv[1].strip() : "");
                }
                out.add(new Case(name, text, expect));
            }
        }
        return out;
    }

    private static List<String> index() throws IOException {
        Path dir = Path.of("src/test/resources" + CORPUS);
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).sorted().toList();
        }
    }

    static Stream<Case> refused() throws IOException {
        return corpus().stream().filter(c -> !c.expect().containsKey("fails"));
    }

    static Stream<Case> refusedByTheVerifier() throws IOException {
        return refused().filter(c -> c.expect().containsKey("verifier"));
    }

    static Stream<Case> failing() throws IOException {
        return corpus().stream().filter(c -> c.expect().containsKey("fails"));
    }

    static Stream<Case> canaries() throws IOException {
        return corpus().stream().filter(c -> c.expect().containsKey("canary"));
    }

    @Test
    void theCorpusHoldsAtLeastFortyRefusedPolicies() throws IOException {
        assertThat(refused().count()).isGreaterThanOrEqualTo(40);
        assertThat(refusedByTheVerifier().count()).isGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aPolicyFolderWithItIsRefusedWithFileLineAndName(Case c, @TempDir Path dir) throws IOException {
        Path canary = dir.resolveSibling(dir.getFileName() + "-canary");
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve(c.file()), c.withCanary(canary));
        String expected = c.expect().getOrDefault("guard", c.expect().get("verifier"));

        assertThatThrownBy(() -> Advisor.builder().rules(RuleSource.directory(rules)).build())
                .isInstanceOfSatisfying(RulesInvalidException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).startsWith(c.file() + ":" + c.line() + ":").contains(expected)));
        assertThat(canary).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedByTheVerifier")
    void theBytecodeVerifierAloneRefusesIt(Case c) {
        List<String> problems = new ArrayList<>();
        KieBase kieBase = PolicyLoader.compile(Map.of(c.file(), c.text()), problems, PolicyLoader.Checks.COMPILED_ONLY);

        assertThat(kieBase).isNull();
        String where = c.file() + ":(" + c.line() + "|" + unitLine(c) + "): ";
        assertThat(problems).anySatisfy(p -> assertThat(p).containsPattern("^" + where.replace(".", "\\.") + ".*(rule|function|type) ")
                .contains(c.expect().get("verifier")));
    }

    /** The line of the rule, function or type the expected line is in: where an escaped name is reported. */
    private static int unitLine(Case c) {
        String[] lines = c.text().split("\n");
        for (int i = Integer.parseInt(c.line()) - 1; i >= 0; i--) {
            if (lines[i].matches("^(rule|function|declare) .*")) {
                return i + 1;
            }
        }
        return -1;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failing")
    void whatPassesEndsTheCallInATypedRuleFailureQuickly(Case c, @TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(c.file()), c.text());
        List<RuleFailureException.Kind> kinds = Arrays.stream(c.expect().get("fails").split("\\|"))
                .map(RuleFailureException.Kind::valueOf).toList();
        try (Advisor advisor = Advisor.builder().rules(RuleSource.directory(dir)).build()) {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                for (int i = 0; i < 2; i++) {
                    assertThatThrownBy(() -> advisor.advise(situation()))
                            .isInstanceOfSatisfying(RuleFailureException.class, e -> {
                                assertThat(e.kind()).isIn(kinds);
                                assertThat(e.rule()).isEqualTo("Hostile");
                                assertThat(e).hasMessageNotContaining("CanaryPersonal");
                            });
                }
            });
        }
    }

    /** Without the guard, these attempts do what they say: the refusals above are not vacuous. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("canaries")
    void withoutTheChecksTheAttemptDoesHarm(Case c, @TempDir Path dir) {
        Path canary = dir.resolve("canary");
        List<String> problems = new ArrayList<>();
        KieBase kieBase = PolicyLoader.compile(Map.of(c.file(), c.withCanary(canary)), problems, PolicyLoader.Checks.NONE);
        assertThat(problems).isEmpty();

        KieSession session = kieBase.newKieSession();
        try {
            session.insert(situation().complaint());
            session.fireAllRules(10);
        } finally {
            session.dispose();
        }
        assertThat(canary).exists();
    }

    static Situation situation() {
        return Situation.builder().now(Instant.parse("2026-11-23T10:00:00Z")).customer(Customer.of("C"))
                .agent(Agent.of("A")).complaint(Complaint.builder("K").claim("the customer CanaryPersonal said so").build())
                .build();
    }
}
