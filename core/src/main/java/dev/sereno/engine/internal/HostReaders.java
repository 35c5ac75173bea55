package dev.sereno.engine.internal;

import dev.sereno.engine.DraftReader;
import dev.sereno.policy.Finding;
import dev.sereno.situation.Language;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the host's {@link DraftReader}s for one call, each within its time, on a small pool of daemon threads, so
 * that a reader that throws, hangs or answers nonsense costs that call its findings and nothing else. Internal API.
 */
public final class HostReaders implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HostReaders.class);
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    public static final HostReaders NONE = new HostReaders(List.of());

    /** A reader and the time it is given per call. */
    public record Registered(DraftReader reader, Duration timeout) {
    }

    private final List<Registered> readers;
    private final ThreadPoolExecutor pool;

    public HostReaders(List<Registered> readers) {
        this.readers = List.copyOf(readers);
        if (this.readers.isEmpty()) {
            this.pool = null;
        } else {
            AtomicInteger n = new AtomicInteger();
            int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
            // bounded both ways: a reader that never returns can pin these threads, never the callers
            this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads * 16),
                    r -> {
                        Thread t = new Thread(r, "sereno-draft-reader-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            this.pool.allowCoreThreadTimeOut(true);
        }
    }

    public boolean isEmpty() {
        return readers.isEmpty();
    }

    /** The findings of every reader that answered in time, with spans from their offsets and their source. */
    public List<Finding> read(String draft, Language language) {
        if (readers.isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Registered r : readers) {
            String name = r.reader().name();
            Future<List<Finding>> answer;
            try {
                answer = pool.submit(() -> r.reader().read(draft, language));
            } catch (RejectedExecutionException e) {
                LOG.warn("draft reader {} skipped: every reader thread is busy", name);
                continue;
            }
            List<Finding> found;
            try {
                found = answer.get(r.timeout().toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                answer.cancel(true);
                LOG.warn("draft reader {} skipped: no answer within {} ms", name, r.timeout().toMillis());
                continue;
            } catch (ExecutionException e) {
                LOG.warn("draft reader {} skipped: it threw {}", name, e.getCause().getClass().getName());
                continue;
            } catch (InterruptedException e) {
                answer.cancel(true);
                Thread.currentThread().interrupt();
                return List.copyOf(out);
            }
            accept(name, found, draft, out);
        }
        return List.copyOf(out);
    }

    private static void accept(String name, List<Finding> found, String draft, List<Finding> out) {
        if (found == null) {
            return;
        }
        List<Finding> checked = new ArrayList<>(found.size());
        for (Finding f : found) {
            if (f == null || f.kind() == null || !KIND.matcher(f.kind()).matches()
                    || f.start() < 0 || f.end() <= f.start() || f.end() > draft.length()) {
                LOG.warn("draft reader {} skipped: it reported a finding with a bad kind or span", name);
                return;
            }
            checked.add(new Finding(f.kind(), draft.substring(f.start(), f.end()), f.start(), f.end(), name));
        }
        out.addAll(checked);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
