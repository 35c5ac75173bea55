package dev.sereno.micrometer;

import dev.sereno.advice.Advice;
import dev.sereno.engine.AdvisorListener;
import dev.sereno.engine.PolicyListener;
import dev.sereno.engine.RuleFailureException;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Situation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Objects;

/**
 * Records what an {@link dev.sereno.engine.Advisor} does as Micrometer meters. Give it to the Advisor as its
 * listener (and as its reload listener when it watches a folder):
 *
 * <pre>{@code
 * SerenoMetrics metrics = new SerenoMetrics(registry);
 * Advisor advisor = Advisor.builder().listener(metrics).reloadOnChange(metrics).build();
 * }</pre>
 *
 * <ul>
 *   <li>{@value #ADVISE}: a timer per call, tagged {@code outcome} ({@code ok}, {@code invalid},
 *       {@code rule_failure}) and {@code blocked} ({@code yes} when the advice blocks the draft, else {@code no});</li>
 *   <li>{@value #ITEMS}: a counter of advice items, tagged {@code kind} ({@code recommendation}, {@code warning},
 *       {@code escalation}, {@code follow_up}, {@code review}, {@code record}) and {@code guidance} (one count per
 *       guidance id an item cites);</li>
 *   <li>{@value #RELOADS}: a counter of policy reloads, tagged {@code outcome} ({@code ok} or {@code rejected}).</li>
 * </ul>
 *
 * No tag carries anything from the situation: the values are fixed words and the policy's own guidance ids.
 */
public final class SerenoMetrics implements AdvisorListener, PolicyListener {
    public static final String ADVISE = "sereno.advise";
    public static final String ITEMS = "sereno.advice.items";
    public static final String RELOADS = "sereno.policy.reloads";

    private final MeterRegistry registry;
    // the listener's calls for one advise come on the thread that called it
    private final ThreadLocal<Long> started = new ThreadLocal<>();

    public SerenoMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        // announced up front, so that a dashboard shows zero rather than nothing before the first call
        timer("ok", "no");
        reloads("ok");
        reloads("rejected");
    }

    @Override
    public void beforeEvaluate(Situation situation) {
        started.set(System.nanoTime());
    }

    @Override
    public void onSuccess(Situation situation, Advice advice) {
        stop("ok", advice.blocksDraft() ? "yes" : "no");
        count("recommendation", advice.recommendations(), r -> r.guidance());
        count("warning", advice.warnings(), w -> w.guidance());
        count("escalation", advice.escalations(), e -> e.guidance());
        count("follow_up", advice.followUps(), f -> f.guidance());
        count("review", advice.reviews(), r -> r.guidance());
        count("record", advice.records(), r -> r.guidance());
    }

    @Override
    public void onFailure(Situation situation, RuntimeException error) {
        String outcome = error instanceof InvalidSituationException ? "invalid"
                : error instanceof RuleFailureException ? "rule_failure" : "error";
        stop(outcome, "no");
    }

    @Override
    public void onReloaded(String previousRevision, String newRevision) {
        reloads("ok").increment();
    }

    @Override
    public void onReloadFailed(String keptRevision, List<String> problems) {
        reloads("rejected").increment();
    }

    private void stop(String outcome, String blocked) {
        Long start = started.get();
        started.remove();
        if (start != null) {
            timer(outcome, blocked).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private Timer timer(String outcome, String blocked) {
        return Timer.builder(ADVISE).description("Time to give advice on one situation")
                .tag("outcome", outcome).tag("blocked", blocked).register(registry);
    }

    private Counter reloads(String outcome) {
        return Counter.builder(RELOADS).description("Policy reloads of a watched folder")
                .tag("outcome", outcome).register(registry);
    }

    private <T> void count(String kind, List<T> items, java.util.function.Function<T, List<String>> guidance) {
        for (T item : items) {
            for (String id : guidance.apply(item)) {
                Counter.builder(ITEMS).description("Advice items given, by kind and guidance id")
                        .tag("kind", kind).tag("guidance", id).register(registry).increment();
            }
        }
    }
}
