package dev.sereno.examples.kafka;

import dev.sereno.engine.Advisor;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Runs the advice topology against a Kafka cluster. Start as many copies as you like with the same application id:
 * Kafka Streams shares the partitions of the situations topic among them.
 *
 * <pre>
 * java -cp ... dev.sereno.examples.kafka.AdviceStreamsApp [bootstrap-servers] [stream-threads]
 * </pre>
 *
 * Environment: {@code SERENO_KAFKA_BOOTSTRAP} (default localhost:9092), {@code SERENO_APPLICATION_ID}
 * (default sereno-advice), {@code SERENO_CHECK_EVERY} (ISO-8601 duration, default PT5M),
 * {@code SERENO_STATE_DIR} (default Kafka Streams' own).
 */
public final class AdviceStreamsApp {
    private AdviceStreamsApp() {
    }

    static Properties config(String bootstrap, int threads, String applicationId, String stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        // at-least-once (Kafka Streams' default) is enough: advice is a pure function of the situation, so a record
        // processed twice after a crash gives the same advice under the same key. SERENO_EXACTLY_ONCE=true for EOS.
        if (Boolean.parseBoolean(System.getenv("SERENO_EXACTLY_ONCE"))) {
            props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        }
        // the topology has no global tables; opting in now only silences Kafka 4.3's notice that 5.0 will do it
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        if (stateDir != null) {
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        }
        return props;
    }

    public static void main(String[] args) throws InterruptedException {
        String bootstrap = args.length > 0 ? args[0] : env("SERENO_KAFKA_BOOTSTRAP", "localhost:9092");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Duration checkEvery = Duration.parse(env("SERENO_CHECK_EVERY", "PT5M"));
        Properties props = config(bootstrap, threads, env("SERENO_APPLICATION_ID", "sereno-advice"),
                System.getenv("SERENO_STATE_DIR"));

        Advisor advisor = Advisor.withDefaultRules(); // one per instance, shared by its stream threads
        KafkaStreams streams = new KafkaStreams(AdviceTopology.build(advisor, AdviceTopics.defaults(), checkEvery), props);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close(Duration.ofSeconds(30)); // commits, and leaves the group so others take over at once
            advisor.close();
            stopped.countDown();
        }, "sereno-streams-shutdown"));
        streams.start();
        System.out.println("sereno: advising " + AdviceTopics.defaults() + " on " + bootstrap + " with " + threads
                + " stream threads; Ctrl-C stops.");
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
