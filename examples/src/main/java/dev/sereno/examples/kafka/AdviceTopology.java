package dev.sereno.examples.kafka;

import dev.sereno.engine.Advisor;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Situations in, advice out, at any scale: the Advisor is stateless and thread-safe, so the work spreads over as
 * many instances and stream threads as the situations topic has partitions.
 *
 * <pre>
 *   situations ─► read, key by complaint id ─┬─► repartition "by-complaint" ─► advise, keep open ones ─┬─► advice
 *                                            └─► errors                         (store "open-situations") └─► errors
 *                                                         every checkEvery: re-advise newly overdue promises ─► advice
 * </pre>
 */
public final class AdviceTopology {
    /** The state store of open complaints: complaint id → its latest situation (JSON). */
    public static final String OPEN_SITUATIONS = "open-situations";

    private AdviceTopology() {
    }

    /**
     * @param advisor    shared by every stream thread of this instance
     * @param checkEvery how often (wall-clock) open complaints are checked for promises that came due
     */
    public static Topology build(Advisor advisor, AdviceTopics topics, Duration checkEvery) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OPEN_SITUATIONS),
                Serdes.String(), Serdes.String()));

        KStream<String, Routed> read = builder
                .stream(topics.situations(), Consumed.with(Serdes.String(), Serdes.String()))
                .process(ReadSituation::new, Named.as("read-situation"));
        KStream<String, String> byComplaint = route(read, "read-", topics)
                .repartition(Repartitioned.with(Serdes.String(), Serdes.String()).withName("by-complaint"));
        KStream<String, Routed> advised = byComplaint.process(
                () -> new AdviseAndWatchPromises(advisor, OPEN_SITUATIONS, checkEvery), Named.as("advise"), OPEN_SITUATIONS);
        route(advised, "advise-", topics).to(topics.advice(), Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    /** Sends the errors to the errors topic; returns the rest, as plain JSON. */
    private static KStream<String, String> route(KStream<String, Routed> stream, String prefix, AdviceTopics topics) {
        Map<String, KStream<String, Routed>> branches = stream.split(Named.as(prefix))
                .branch((key, value) -> value.error(), Branched.as("error"))
                .defaultBranch(Branched.as("ok"));
        branches.get(prefix + "error").mapValues(Routed::json, Named.as(prefix + "error-json"))
                .to(topics.errors(), Produced.with(Serdes.String(), Serdes.String()));
        return branches.get(prefix + "ok").mapValues(Routed::json, Named.as(prefix + "ok-json"));
    }
}
