package dev.sereno.cli;

import dev.sereno.engine.Advisor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * An Advisor being built on a thread of its own, so that a command can read and parse its input meanwhile. Problems
 * with the policy (a missing folder, invalid rules) are thrown by {@link #advisor()}, as if it had been built there.
 */
final class PolicyLoading {
    private final CompletableFuture<Advisor> future = new CompletableFuture<>();

    private PolicyLoading() {
    }

    static PolicyLoading start(PolicyChoice policy) {
        PolicyLoading loading = new PolicyLoading();
        Thread t = new Thread(() -> {
            try {
                loading.future.complete(policy.advisor());
            } catch (Throwable e) {
                loading.future.completeExceptionally(e);
            }
        }, "sereno-policy-loader");
        t.setDaemon(true); // a command that fails on its input exits without waiting for it
        t.start();
        return loading;
    }

    /** The Advisor, waiting for it if need be. */
    Advisor advisor() throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new CompletionException(cause);
        }
    }

    /** Not needed after all: close the Advisor when it is ready, and ignore whatever the loading ran into. */
    void abandon() {
        future.whenComplete((advisor, problem) -> {
            if (advisor != null) {
                advisor.close();
            }
        });
    }
}
