package dev.sereno.benchmarks;

import dev.sereno.advice.Advice;
import dev.sereno.advice.Recommendation;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleSource;
import dev.sereno.policy.Recommend;
import dev.sereno.policy.Warn;
import dev.sereno.situation.Situation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's overhead as a ratio: ten rules of the default policy through an Advisor holding just those ten
 * ({@code ten-rules.drl}, compiled with the executable model), beside the same ten written as plain Java
 * ({@link TenRules}), on the contract's example. engine / plainJava is the figure reported in the README.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class TenRulesBenchmark {
    private Advisor engine;
    private TenRules plain;
    private Situation example;

    @Setup(Level.Trial)
    public void setUp() {
        engine = Advisor.builder().rules(RuleSource.files(tenRulePolicy())).build();
        plain = new TenRules();
        example = Situations.contractExample();
        for (Situation s : List.of(example, Situations.heavy(), Situations.varied(new java.util.Random(7), "K-2"))) {
            requireSameAdvice(s);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public Advice engine() {
        return engine.advise(example);
    }

    @Benchmark
    public List<Object> plainJava() {
        return plain.evaluate(example);
    }

    /** The comparison means nothing unless both decide the same: checked before anything is measured. */
    private void requireSameAdvice(Situation s) {
        Advice advice = engine.advise(s);
        List<Object> facts = plain.evaluate(s);
        Set<String> byEngine = new TreeSet<>();
        advice.recommendations().stream().map(Recommendation::action).forEach(byEngine::add);
        advice.warnings().stream().map(w -> w.code() + "@" + w.span()).forEach(byEngine::add);
        Set<String> byHand = new TreeSet<>();
        for (Object f : facts) {
            if (f instanceof Recommend r) {
                byHand.add(r.action());
            } else if (f instanceof Warn w) {
                byHand.add(w.code() + "@" + (w.finding() == null ? null : w.finding().span()));
            }
        }
        if (!byEngine.equals(byHand)) {
            throw new IllegalStateException("the plain-Java rules disagree with the DRL ones on " + s.complaint().id()
                    + ": engine " + byEngine + ", plain Java " + byHand);
        }
    }

    /** The ten rules with the default policy's phrase lists, messages and parameters. */
    private static Map<String, String> tenRulePolicy() {
        return PolicyFiles.defaultPolicyFilesWith("ten-rules.drl",
                PolicyFiles.resource("/dev/sereno/benchmarks/ten-rules.drl"));
    }
}
