package dev.sereno.benchmarks;

import dev.sereno.advice.Advice;
import dev.sereno.engine.Advisor;
import dev.sereno.json.SituationJson;
import dev.sereno.situation.Situation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

/** One advise call on the contract's example situation with the full default policy. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AdviseBenchmark {
    private Advisor advisor;
    private Situation example;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        advisor = Advisor.withDefaultRules();
        try (InputStream in = AdviseBenchmark.class.getResourceAsStream("/situations/contract-example.json")) {
            example = new SituationJson().read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        advisor.close();
    }

    @Benchmark
    public Advice contractExample() {
        return advisor.advise(example);
    }

    @Benchmark
    @Threads(2)
    public Advice contractExampleTwoThreads() {
        return advisor.advise(example);
    }
}
