package dev.sereno.examples.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The value written to the errors topic: where the situation was read (topic, partition, offset, so an operator
 * can find it without the log copying its text) and one line per problem, the same lines as {@code sereno advise}.
 */
final class ErrorRecord {
    private static final JsonFactory JSON = new JsonFactory();

    private ErrorRecord() {
    }

    static String of(RecordMetadata source, List<String> errors) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            if (source != null) {
                g.writeStringField("topic", source.topic());
                g.writeNumberField("partition", source.partition());
                g.writeNumberField("offset", source.offset());
            }
            g.writeArrayFieldStart("errors");
            for (String e : errors) {
                g.writeString(e);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
