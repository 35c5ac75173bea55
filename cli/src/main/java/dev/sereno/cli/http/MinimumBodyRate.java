package dev.sereno.cli.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;

/**
 * Cuts off a request body that arrives slower than a minimum rate, averaged from the request's start after a
 * grace period: once a second, a body not yet complete must have delivered {@code rate × (elapsed − grace)} bytes,
 * or its next read fails with a {@link TimeoutException} (the endpoint answers 408, and the connection closes).
 * <p>
 * Jetty 12.1's {@code MinimumDataRateHandler} cannot do this: it compares the bytes read by the whole handler (every
 * request since the start) with one request's time, so after any traffic at all no trickle is ever too slow, and it
 * checks only when a byte arrives, so a body that stops is left to the idle timeout. This one counts each request's
 * own bytes, on a timer.
 */
final class MinimumBodyRate extends Handler.Wrapper {
    static final Duration GRACE = Duration.ofSeconds(1);

    private final long bytesPerSecond;

    MinimumBodyRate(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (bytesPerSecond <= 0 || request.getLength() == 0) {
            return super.handle(request, response, callback);
        }
        RateRequest rated = new RateRequest(request);
        Request.addCompletionListener(request, failure -> rated.finished = true);
        rated.schedule();
        return super.handle(rated, response, callback);
    }

    private final class RateRequest extends Request.Wrapper {
        private final long start = NanoTime.now();
        private final AtomicLong read = new AtomicLong();
        private final AtomicReference<Runnable> pending = new AtomicReference<>();
        private volatile boolean complete;
        private volatile boolean finished;
        private volatile Content.Chunk failure;

        RateRequest(Request wrapped) {
            super(wrapped);
        }

        void schedule() {
            getComponents().getScheduler().schedule(this::check, 1, TimeUnit.SECONDS);
        }

        private void check() {
            if (complete || finished) {
                return;
            }
            long elapsedMillis = NanoTime.millisSince(start) - GRACE.toMillis();
            if (elapsedMillis > 0 && read.get() * 1000 < bytesPerSecond * elapsedMillis) {
                failure = Content.Chunk.from(new TimeoutException("the body arrived slower than " + bytesPerSecond
                        + " bytes a second"), true);
                Runnable waiting = pending.getAndSet(null);
                if (waiting != null) {
                    getContext().execute(waiting);
                }
                return;
            }
            schedule();
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk cut = failure;
            if (cut != null) {
                return cut;
            }
            Content.Chunk chunk = super.read();
            if (chunk != null) {
                read.addAndGet(chunk.remaining());
                if (chunk.isLast()) {
                    complete = true;
                }
            }
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            if (failure != null) {
                demandCallback.run();
                return;
            }
            pending.set(demandCallback);
            if (failure != null && pending.compareAndSet(demandCallback, null)) {
                demandCallback.run(); // cut off between the check above and now
                return;
            }
            super.demand(() -> {
                Runnable waiting = pending.getAndSet(null);
                if (waiting != null) {
                    waiting.run();
                }
            });
        }
    }
}
