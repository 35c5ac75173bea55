package dev.sereno.benchmarks;

import dev.sereno.engine.ExamplesReader;
import dev.sereno.situation.Language;
import dev.sereno.text.ExampleModel;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The examples reader's model ({@link ExampleModel}, the bundled examples) reading the 1,000-character drafts of
 * {@link DraftReadingBenchmark}, so that its cost compares with the phrase lists': {@code read} gives the findings
 * (each kind's score, its sentence and the words that weighed), {@code scores} only the scores.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class ExamplesReadingBenchmark {
    @Param({"es", "en"})
    public String language;

    private ExampleModel model;
    private String draft;

    @Setup(Level.Trial)
    public void setUp() {
        model = ExamplesReader.bundled().model(Language.valueOf(language.toUpperCase(java.util.Locale.ROOT)));
        String text = language.equals("es") ? DraftReadingBenchmark.ES : DraftReadingBenchmark.EN;
        draft = text.substring(0, 1000);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<ExampleModel.Hit> read1000Characters() {
        return model.read(draft);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double[] scores1000Characters() {
        return model.scores(draft);
    }
}
