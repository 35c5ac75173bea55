package dev.sereno.benchmarks;

import dev.sereno.advice.Advice;
import dev.sereno.engine.Advisor;
import dev.sereno.situation.Situation;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One advise call with the full default policy, on the contract's example and on a heavy situation (50 evidence,
 * 50 promises, a 5,000-character draft). Single-threaded figures are sampled (the median is the target);
 * two-threaded ones are throughput, advice per second over both threads. The warm-up is long on purpose: the
 * generated rule model and the engine make a great deal of code for the JIT compiler, and on two cores, with the
 * benchmark threads using both, its optimising tier takes some 20 seconds to catch up.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class AdviseBenchmark {
    private Advisor advisor;
    private Situation example;
    private Situation heavy;

    @Setup(Level.Trial)
    public void setUp() {
        advisor = Advisor.withDefaultRules();
        example = Situations.contractExample();
        heavy = Situations.heavy();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        advisor.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Advice example() {
        return advisor.advise(example);
    }

    @Benchmark
    @Threads(2)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Advice exampleTwoThreads() {
        return advisor.advise(example);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Advice heavy() {
        return advisor.advise(heavy);
    }

    @Benchmark
    @Threads(2)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Advice heavyTwoThreads() {
        return advisor.advise(heavy);
    }
}
