package dev.sereno.engine.internal;

import dev.sereno.policy.Escalate;
import dev.sereno.policy.RaisePriority;
import dev.sereno.policy.Recommend;
import dev.sereno.policy.RecordCase;
import dev.sereno.policy.RequestReview;
import dev.sereno.policy.Schedule;
import dev.sereno.policy.Warn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Listens to one evaluation: which advice facts were inserted and by which rule, and how often each rule fired.
 * One instance per call, so it needs no synchronisation.
 */
final class Collector extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
    record Produced(Object fact, String rule) {
    }

    final List<Produced> produced = new ArrayList<>();
    /** How often each rule fired; a counter array each, so counting allocates nothing after a rule's first firing. */
    final Map<String, int[]> firings = new HashMap<>();
    String lastFired;
    /** The rule whose consequence is running, null between firings: an Error thrown there does not name it. */
    String firing;

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        Object o = event.getObject();
        if (event.getRule() != null && isAdvice(o)) {
            produced.add(new Produced(o, event.getRule().getName()));
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // advice facts are records: nothing to follow
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        Object o = event.getOldObject();
        if (isAdvice(o)) {
            // a logically inserted fact whose support went away is not advice any more
            produced.removeIf(p -> p.fact() == o);
        }
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        firing = event.getMatch().getRule().getName();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        firing = null;
        lastFired = event.getMatch().getRule().getName();
        int[] count = firings.get(lastFired);
        if (count == null) {
            firings.put(lastFired, new int[] {1});
        } else {
            count[0]++;
        }
    }

    /** The rule that fired most (the later name on a tie), or the last one fired when none was counted. */
    String mostFired() {
        String most = null;
        int times = 0;
        for (Map.Entry<String, int[]> e : firings.entrySet()) {
            int n = e.getValue()[0];
            if (most == null || n > times || (n == times && e.getKey().compareTo(most) > 0)) {
                most = e.getKey();
                times = n;
            }
        }
        return most == null ? lastFired : most;
    }

    private static boolean isAdvice(Object o) {
        return o instanceof Recommend || o instanceof Warn || o instanceof Escalate || o instanceof Schedule
                || o instanceof RequestReview || o instanceof RecordCase || o instanceof RaisePriority;
    }
}
