package dev.sereno.examples.kafka;

import dev.sereno.json.SituationJson;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Problem;
import dev.sereno.situation.Situation;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * First step: reads each situation to find its complaint id and re-keys the record by it, so that every situation
 * of one complaint lands on the same partition (and in the same store) after the repartition. A situation that
 * cannot be read goes to the errors topic, keyed as it came.
 */
final class ReadSituation extends ContextualProcessor<String, String, String, Routed> {
    private final SituationJson reader = new SituationJson();

    @Override
    public void process(Record<String, String> record) {
        Situation situation;
        try {
            situation = reader.read(record.value());
        } catch (InvalidSituationException e) {
            context().forward(record.withValue(Routed.error(ErrorRecord.of(context().recordMetadata().orElse(null),
                    e.problems().stream().map(Problem::toString).toList()))));
            return;
        }
        context().forward(record.withKey(situation.complaint().id()).withValue(Routed.ok(record.value())));
    }
}
