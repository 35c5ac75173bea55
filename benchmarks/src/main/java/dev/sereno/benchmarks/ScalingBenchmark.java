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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per advise as evidence and promises grow together (the contract's example with {@code items} of each, every
 * kind the rules tell apart). Linear growth means time per item stays flat from 100 to 1,000; a rule joining
 * promises or evidence with each other would show as a tenfold jump per item instead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ScalingBenchmark {
    @Param({"1", "10", "100", "1000"})
    public int items;

    private Advisor advisor;
    private Situation situation;

    @Setup(Level.Trial)
    public void setUp() {
        advisor = Advisor.withDefaultRules();
        situation = Situations.withItems(Situations.contractExample(), items, items);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        advisor.close();
    }

    @Benchmark
    public Advice advise() {
        return advisor.advise(situation);
    }
}
