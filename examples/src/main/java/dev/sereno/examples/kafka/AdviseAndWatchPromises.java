package dev.sereno.examples.kafka;

import dev.sereno.advice.Advice;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleFailureException;
import dev.sereno.json.AdviceJson;
import dev.sereno.json.SituationJson;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Problem;
import dev.sereno.situation.Promise;
import dev.sereno.situation.Situation;
import dev.sereno.situation.Stage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Second step, on records keyed by complaint id: advises each situation and keeps the latest one of every open
 * complaint (without its draft) in a state store. On a wall-clock schedule it looks for promises that have come due since a complaint
 * was last advised, and re-advises those complaints with {@code now} set to the punctuation time: the default policy
 * answers an overdue promise with the warning {@code PROMISE_OVERDUE} and an escalation
 * {@code OVERDUE_PROMISE_SUPPORT} (G36). The store keeps each situation with {@code now} = when it was last
 * advised, so a promise is surfaced once, when it becomes overdue, not at every check.
 */
final class AdviseAndWatchPromises extends ContextualProcessor<String, String, String, Routed> {
    /** Header on every advice record saying why it was written. */
    static final String REASON = "sereno.reason";
    static final String NEW_SITUATION = "situation";
    static final String PROMISE_OVERDUE = "promise-overdue";

    private final Advisor advisor;
    private final String storeName;
    private final Duration checkEvery;
    private final SituationJson json = new SituationJson();
    private final AdviceJson adviceJson = new AdviceJson();
    private KeyValueStore<String, String> open;

    AdviseAndWatchPromises(Advisor advisor, String storeName, Duration checkEvery) {
        this.advisor = advisor;
        this.storeName = storeName;
        this.checkEvery = checkEvery;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        super.init(context);
        open = context.getStateStore(storeName);
        // wall-clock time: promises come due whether or not new situations arrive
        context.schedule(checkEvery, PunctuationType.WALL_CLOCK_TIME, this::surfaceOverduePromises);
    }

    @Override
    public void process(Record<String, String> record) {
        Situation situation;
        Advice advice;
        try {
            situation = json.read(record.value());
            advice = advisor.advise(situation);
        } catch (InvalidSituationException e) {
            error(record, e.problems().stream().map(Problem::toString).toList());
            return;
        } catch (RuleFailureException e) {
            error(record, List.of("rule \"" + e.rule() + "\" failed: " + e.kind()));
            return;
        }
        Stage stage = situation.complaint().stage();
        if (stage == Stage.RESOLVED || stage == Stage.REJECTED) {
            open.delete(record.key());
        } else {
            // the draft of that moment has been sent or dropped since: re-checking it later would only repeat its
            // warnings, and the store (and its changelog topic) keeps less of what the agent wrote
            open.put(record.key(), json.write(situation.toBuilder().draftReply(null).build()));
        }
        context().forward(new Record<>(record.key(), Routed.ok(adviceJson.writeLine(advice)), record.timestamp(),
                reason(NEW_SITUATION)));
    }

    private void error(Record<String, String> record, List<String> problems) {
        context().forward(record.withValue(Routed.error(ErrorRecord.of(context().recordMetadata().orElse(null), problems))));
    }

    void surfaceOverduePromises(long timestamp) {
        Instant now = Instant.ofEpochMilli(timestamp);
        List<KeyValue<String, String>> readvised = new ArrayList<>();
        try (KeyValueIterator<String, String> all = open.all()) {
            while (all.hasNext()) {
                KeyValue<String, String> entry = all.next();
                Situation last = json.read(entry.value);
                if (!becameOverdue(last, now)) {
                    continue;
                }
                Situation current = last.toBuilder().now(now).build();
                try {
                    Advice advice = advisor.advise(current);
                    context().forward(new Record<>(entry.key, Routed.ok(adviceJson.writeLine(advice)), timestamp,
                            reason(PROMISE_OVERDUE)));
                } catch (RuleFailureException e) {
                    context().forward(new Record<>(entry.key, Routed.error(ErrorRecord.of(null,
                            List.of("rule \"" + e.rule() + "\" failed: " + e.kind()))), timestamp));
                }
                readvised.add(KeyValue.pair(entry.key, json.write(current)));
            }
        }
        readvised.forEach(kv -> open.put(kv.key, kv.value)); // not while iterating the store
    }

    /** Some open promise is overdue at {@code now} that was not yet overdue when the complaint was last advised. */
    static boolean becameOverdue(Situation last, Instant now) {
        if (!now.isAfter(last.now())) {
            return false;
        }
        for (Promise p : last.promises()) {
            if (p.overdueAt(now) && !p.overdueAt(last.now())) {
                return true;
            }
        }
        return false;
    }

    private static RecordHeaders reason(String why) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON, why.getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
