package dev.sereno.policy;

import java.util.List;

/** Inserted by a rule: ask management to review {@code kind} (e.g. ACCOUNT_PROFITABILITY). */
public record RequestReview(String kind, List<Object> args) {
    public RequestReview {
        args = List.copyOf(args);
    }

    public RequestReview(String kind, Object... args) {
        this(kind, Args.of(args));
    }
}
