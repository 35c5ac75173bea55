package dev.sereno.cli;

import dev.sereno.engine.Advisor;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * An Advisor being built on a thread of its own, so that a command can read and parse its input meanwhile. Problems
 * with the policy (a missing folder, invalid rules) are thrown by {@link #advisor()}, as if it had been built there.
 */
final class PolicyLoading {
    /** The commands that run the bundled policy unless told otherwise. */
    private static final Set<String> BUNDLED_COMMANDS = Set.of("advise", "demo");
    /** The options after which a command may not run the bundled policy as it is, or runs nothing. */
    private static final Set<String> OTHER_POLICY = Set.of("--rules", "--replace", "--extend", "--deadline",
            "--no-examples", "-h", "--help", "-V", "--version");
    /** The bundled policy, begun by {@link #startBundledEarly} and not taken yet. */
    private static final AtomicReference<PolicyLoading> EARLY = new AtomicReference<>();

    private final CompletableFuture<Advisor> future = new CompletableFuture<>();

    private PolicyLoading() {
    }

    /**
     * Begins loading the bundled policy at once when the arguments name a command that will run it, so that it
     * loads while the command line is parsed (most of the rest of a cold start); {@link #bundled} takes it.
     */
    static void startBundledEarly(String... args) {
        if (args.length == 0 || !BUNDLED_COMMANDS.contains(args[0])) {
            return;
        }
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (OTHER_POLICY.contains(equals < 0 ? arg : arg.substring(0, equals))) {
                return;
            }
        }
        EARLY.set(start(Advisor::withDefaultRules));
    }

    /** An Advisor on the bundled policy: the one begun early when there is one, else a new one. */
    static Advisor bundled() {
        PolicyLoading early = EARLY.getAndSet(null);
        if (early == null) {
            return Advisor.withDefaultRules();
        }
        try {
            return early.advisor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the bundled policy was loading", e);
        }
    }

    static PolicyLoading start(PolicyChoice policy) {
        return start(policy::advisor);
    }

    private static PolicyLoading start(Supplier<Advisor> advisor) {
        PolicyLoading loading = new PolicyLoading();
        Thread t = new Thread(() -> {
            try {
                loading.future.complete(advisor.get());
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
