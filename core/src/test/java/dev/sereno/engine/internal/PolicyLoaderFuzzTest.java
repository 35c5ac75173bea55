package dev.sereno.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sereno.engine.internal.verify.Budget;
import dev.sereno.situation.Complaint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * Fuzzes the policy loader with Jazzer: DRL assembled from fragments (harmful and harmless statements, placed in a
 * consequence, a function or an eval, mixed with arbitrary text). A policy the bytecode verifier lets through is
 * run once; it must not have written the canary file nor left a thread behind. The source guard is left out, so
 * the verifier alone stands between the fragments and the host.
 *
 * <p>In the default build this runs the empty input and the seeds in {@code PolicyLoaderFuzzTestInputs/} (a few
 * seconds); {@code JAZZER_FUZZ=1} fuzzes, coverage-guided, for {@code maxDuration}.
 */
class PolicyLoaderFuzzTest {
    private static final List<String> STATEMENTS = List.of(
            "java.lang.Runtime.getRuntime().exec(new String[] {\"touch\", \"CANARY\"}).waitFor();",
            "new java.util.Formatter(\"CANARY\").close();",
            "java.nio.file.Files.writeString(java.nio.file.Path.of(\"CANARY\"), \"x\");",
            "new java.util.logging.FileHandler(\"CANARY\").close();",
            "new java.io.FileOutputStream(\"CANARY\").close();",
            "new java.beans.Statement(new java.io.File(\"CANARY\"), \"createNewFile\", new Object[0]).execute();",
            "java.util.function.Supplier<Object> s = Runtime::getRuntime; s.get();",
            "new Thread(() -> { }).start();",
            "new java.util.Timer().schedule(new java.util.TimerTask() { public void run() { } }, 1000L);",
            "long t = System.currentTimeMillis();",
            "int y = java.time.Year.now().getValue();",
            "Class<?> c = String.class.forName(\"java.lang.Run\" + \"time\");",
            "java.util.List<String> l = new java.util.ArrayList<>(); l.add(\"CANARY\");",
            "String s = String.valueOf(\"CANARY\".length());",
            "int i = 0; while (i < 3) { i++; }",
            "Object o = java.util.Map.of(\"k\", \"CANARY\");",
            "java.util.List.of(1, 2).forEach(x -> String.valueOf(x));");

    @FuzzTest(maxDuration = "5m")
    void noPolicyPassesVerificationAndThenTouchesTheHost(FuzzedDataProvider data) throws IOException {
        Path dir = Files.createTempDirectory("sereno-fuzz");
        Path canary = dir.resolve("canary");
        try {
            List<String> statements = new ArrayList<>();
            int n = data.consumeInt(1, 4);
            for (int i = 0; i < n; i++) {
                statements.add(data.consumeBoolean() ? data.consumeString(60) : data.pickValue(STATEMENTS));
            }
            String body = "try { " + String.join(" ", statements).replace("CANARY", canary.toString())
                    + " } catch (Exception e) { }";
            String drl = policy(data.consumeInt(0, 2), body);

            List<String> problems = new ArrayList<>();
            KieBase kieBase = PolicyLoader.compile(Map.of("fuzz.drl", drl), problems, PolicyLoader.Checks.COMPILED_ONLY);
            if (kieBase == null) {
                assertThat(problems).isNotEmpty();
                return;
            }
            int threads = Thread.activeCount();
            KieSession session = kieBase.newKieSession();
            Budget.install(100_000, System.nanoTime() + 2_000_000_000L, true);
            try {
                session.insert(Complaint.builder("K").claim("claim").build());
                session.fireAllRules(100);
            } catch (RuntimeException | Budget.Exceeded e) {
                // a rule may fail: what matters is what it did to the host
            } finally {
                Budget.clear();
                session.dispose();
            }
            assertThat(canary).as("a verified policy wrote a file:%n%s", drl).doesNotExist();
            assertThat(Thread.activeCount()).as("a verified policy started a thread:%n%s", drl).isLessThanOrEqualTo(threads);
        } finally {
            Files.deleteIfExists(canary);
            Files.deleteIfExists(dir);
        }
    }

    private static String policy(int where, String body) {
        String head = """
                package dev.sereno.rules;
                import dev.sereno.situation.Complaint;
                import dev.sereno.situation.Stage;
                import dev.sereno.policy.Recommend;
                """;
        String function = "function boolean work(String $c) { " + body + " return true; }\n";
        return switch (where) {
            case 0 -> head + rule("Complaint( $c : claim )", body);
            case 1 -> head + function + rule("Complaint( $c : claim )", "work($c);");
            default -> head + function + rule("Complaint( $c : claim )\n    eval( work($c) )", "");
        };
    }

    private static String rule(String when, String then) {
        return "rule \"Fuzzed\"\n    @guidance(\"G01\")\nwhen\n    " + when + "\nthen\n    " + then
                + "\n    insert(new Recommend(\"DONE\", Stage.OPENING));\nend\n";
    }

}
