package dev.sereno.benchmarks;

import dev.sereno.engine.ExamplesReader;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * What the first {@link ExamplesReader#bundled()} of a fresh JVM costs: the calling thread's CPU time and the wall
 * time, from the call to the reader made (the stored models read, or both languages trained when none is stored or
 * the stored ones were made from other examples). Run it in a new JVM each time:
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.sereno.benchmarks.ExamplesStart
 * }</pre>
 */
public final class ExamplesStart {
    private ExamplesStart() {
    }

    public static void main(String[] args) {
        var threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        ExamplesReader reader = ExamplesReader.bundled();
        long cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        long wallMs = (System.nanoTime() - wall) / 1_000_000;
        System.out.printf(Locale.ROOT, "ExamplesReader.bundled(): %d ms CPU (calling thread), %d ms wall; %d + %d "
                        + "features%n", cpuMs, wallMs, reader.model(dev.sereno.situation.Language.ES).featureCount(),
                reader.model(dev.sereno.situation.Language.EN).featureCount());
    }
}
