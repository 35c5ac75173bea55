package dev.sereno.benchmarks;

import dev.sereno.advice.Advice;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleSource;
import dev.sereno.situation.Situation;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;

/**
 * A/B of Advisors built differently, interleaved in one JVM, measured by the calling thread's own CPU time and
 * allocation per call: figures that hold on a busy machine, where wall-clock JMH results swing by half.
 *
 * <p>Each argument is a variant: {@code name} for the bundled policy, or {@code name=folder} for a policy folder (the
 * same name twice gives an A/A pair, which shows the noise floor), or {@code name=no-examples} for the bundled policy
 * without its examples reader. Each variant's advice must equal the first's on
 * the situations measured. Options: {@code -Dsituation=example|heavy|varied},
 * {@code -Drounds=9}, {@code -Dcalls=2000}, {@code -Dwarmup=30000} (calls per variant before measuring), {@code -Dthreads=1|2}.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.sereno.benchmarks.CpuPerCall base again reshaped=/tmp/policy
 * }</pre>
 */
public final class CpuPerCall {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private CpuPerCall() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Advisor> advisors = new LinkedHashMap<>();
        for (String arg : args.length == 0 ? new String[] {"bundled"} : args) {
            int eq = arg.indexOf('=');
            String given = eq < 0 ? arg : arg.substring(0, eq);
            String name = given;
            for (int i = 2; advisors.containsKey(name); i++) {
                name = given + i;
            }
            long start = System.nanoTime();
            advisors.put(name, eq < 0 ? Advisor.withDefaultRules()
                    : arg.substring(eq + 1).equals("no-examples") ? Advisor.builder().examplesReader(false).build()
                    : Advisor.builder().rules(RuleSource.directory(Path.of(arg.substring(eq + 1)))).build());
            System.out.printf("%s built in %d ms%n", name, (System.nanoTime() - start) / 1_000_000);
        }
        String which = System.getProperty("situation", "example");
        Situation[] situations = switch (which) {
            case "example" -> new Situation[] {Situations.contractExample()};
            case "heavy" -> new Situation[] {Situations.heavy()};
            case "varied" -> {
                Random random = new Random(42);
                Situation[] out = new Situation[256];
                for (int i = 0; i < out.length; i++) {
                    out[i] = Situations.varied(random, "K-" + i);
                }
                yield out;
            }
            default -> throw new IllegalArgumentException("situation: example, heavy or varied, not " + which);
        };
        int rounds = Integer.getInteger("rounds", 9);
        int calls = Integer.getInteger("calls", which.equals("heavy") ? 200 : 2000);
        int threads = Integer.getInteger("threads", 1);
        int warmup = Integer.getInteger("warmup", which.equals("heavy") ? 3000 : 30000);

        List<String> names = new ArrayList<>(advisors.keySet());
        for (Situation s : situations) {
            Advice first = advisors.get(names.get(0)).advise(s);
            for (String n : names) {
                if (!sameAdvice(advisors.get(n).advise(s), first)) {
                    throw new IllegalStateException(n + " advises differently from " + names.get(0) + " on " + s.complaint().id());
                }
            }
        }
        for (int done = 0; done < warmup; done += calls / 4) {
            for (Advisor a : advisors.values()) {
                run(a, situations, calls / 4, threads);
            }
        }
        Map<String, double[][]> results = new LinkedHashMap<>();
        names.forEach(n -> results.put(n, new double[3][rounds]));
        for (int r = 0; r < rounds; r++) {
            // a different order each round, so that no variant always follows the same one
            List<String> order = new ArrayList<>(names);
            java.util.Collections.rotate(order, r);
            for (String n : order) {
                double[] m = run(advisors.get(n), situations, calls, threads);
                results.get(n)[0][r] = m[0];
                results.get(n)[1][r] = m[1];
                results.get(n)[2][r] = m[2];
            }
        }
        System.out.printf("%s, %d thread(s), %d rounds of %d calls: CPU µs per call (median, min) / KB allocated / wall µs per call%n",
                which, threads, rounds, calls);
        for (String n : names) {
            double[][] m = results.get(n);
            System.out.printf("%-14s %8.1f %8.1f   %7.1f KB   %8.1f wall   rounds: %s%n", n, median(m[0]), min(m[0]),
                    median(m[1]), median(m[2]), Arrays.toString(Arrays.stream(m[0]).mapToLong(Math::round).toArray()));
        }
        advisors.values().forEach(Advisor::close);
    }

    /** The same advice, whichever revision of the policy gave it. */
    private static boolean sameAdvice(Advice a, Advice b) {
        return a.priority() == b.priority() && a.emotion().equals(b.emotion())
                && a.recommendations().equals(b.recommendations()) && a.warnings().equals(b.warnings())
                && a.escalations().equals(b.escalations()) && a.followUps().equals(b.followUps())
                && a.reviews().equals(b.reviews()) && a.records().equals(b.records()) && a.next().equals(b.next())
                && a.commitments().equals(b.commitments());
    }

    /** CPU µs per call, KB allocated per call and wall µs per call, summed over the threads' calls. */
    private static double[] run(Advisor advisor, Situation[] situations, int calls, int threads) throws Exception {
        if (threads == 1) {
            long[] m = measure(advisor, situations, calls, 0);
            return new double[] {m[0] / 1e3 / calls, m[1] / 1024.0 / calls, m[2] / 1e3 / calls};
        }
        CyclicBarrier barrier = new CyclicBarrier(threads);
        long[][] each = new long[threads][];
        Thread[] running = new Thread[threads];
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int id = t;
            running[t] = new Thread(() -> {
                try {
                    barrier.await();
                    each[id] = measure(advisor, situations, calls, id * 17);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            running[t].start();
        }
        for (Thread t : running) {
            t.join();
        }
        long wall = System.nanoTime() - start;
        long cpu = 0;
        long bytes = 0;
        for (long[] m : each) {
            cpu += m[0];
            bytes += m[1];
        }
        int total = calls * threads;
        return new double[] {cpu / 1e3 / total, bytes / 1024.0 / total, wall / 1e3 / total};
    }

    private static long[] measure(Advisor advisor, Situation[] situations, int calls, int offset) {
        long id = Thread.currentThread().getId();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long bytes0 = THREADS.getThreadAllocatedBytes(id);
        long wall0 = System.nanoTime();
        int sink = 0;
        for (int i = 0; i < calls; i++) {
            sink += advisor.advise(situations[(i + offset) % situations.length]).recommendations().size();
        }
        long wall = System.nanoTime() - wall0;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        long bytes = THREADS.getThreadAllocatedBytes(id) - bytes0;
        if (sink < 0) {
            throw new IllegalStateException();
        }
        return new long[] {cpu, bytes, wall};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }
}
