package dev.sereno.engine.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A value made once, by whichever thread asks first: a thread that asks while another is making it waits for that
 * one rather than making it again. Used for what a policy needs per language (lists, finders), which the bundled
 * policy makes when a call first needs it, or earlier on a background thread ({@link #make}), instead of every
 * language before the first call. What the maker threw is thrown to every thread that asks. Internal API.
 */
final class OnDemand<T> {
    private final Supplier<T> maker;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CompletableFuture<T> value = new CompletableFuture<>();

    OnDemand(Supplier<T> maker) {
        this.maker = maker;
    }

    /** A value already made. */
    static <T> OnDemand<T> of(T made) {
        OnDemand<T> d = new OnDemand<>(() -> made);
        d.make();
        return d;
    }

    /** Makes the value on this thread unless another thread has begun it. */
    void make() {
        if (claimed.compareAndSet(false, true)) {
            try {
                value.complete(maker.get());
            } catch (Throwable e) {
                value.completeExceptionally(e);
            }
        }
    }

    /** The value: made here if nobody has begun it, else waited for; what its making threw is thrown here. */
    T get() {
        make();
        try {
            return value.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Whether the value has been made (or its making failed): nothing waits. */
    boolean made() {
        return value.isDone();
    }
}
