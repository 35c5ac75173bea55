package dev.sereno.cli.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** The body of every error answer: {@code {"errors": ["complaint.id: required", …]}}, one string per problem. */
final class ErrorsJson {
    private static final JsonFactory JSON = new JsonFactory();

    private ErrorsJson() {
    }

    static String of(String... errors) {
        return of(List.of(errors));
    }

    static String of(List<String> errors) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
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
