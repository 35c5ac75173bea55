package dev.sereno.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Problems as JSON, one string per problem: {@code {"errors": ["complaint.id: required", …]}}, the body of an HTTP
 * error answer, or with the input line first, {@code {"line": 3, "errors": […]}}, for a rejected JSON Lines input.
 */
public final class ErrorsJson {
    private static final JsonFactory JSON = new JsonFactory();

    private ErrorsJson() {
    }

    public static String of(String... errors) {
        return of(List.of(errors));
    }

    public static String of(List<String> errors) {
        return write(-1, errors);
    }

    /** The answer for input line {@code line} (counted from 1). */
    public static String ofLine(long line, List<String> errors) {
        return write(line, errors);
    }

    private static String write(long line, List<String> errors) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            if (line >= 0) {
                g.writeNumberField("line", line);
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
