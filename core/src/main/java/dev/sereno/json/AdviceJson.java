package dev.sereno.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.sereno.advice.Advice;
import dev.sereno.advice.CaseRecord;
import dev.sereno.advice.Commitment;
import dev.sereno.advice.Escalation;
import dev.sereno.advice.FollowUp;
import dev.sereno.advice.NextStep;
import dev.sereno.advice.Recommendation;
import dev.sereno.advice.Review;
import dev.sereno.advice.Warning;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes advice in the JSON form of the contract (v1.1: with {@code next}, {@code commitments} and span offsets);
 * absent texts are left out. Thread-safe.
 */
public final class AdviceJson {
    private final JsonFactory factory = new JsonFactory();
    /** Characters beyond the 16-bit range as UTF-8, as an encoder writes them, not as a pair of escapes. */
    private final JsonFactory utf8 = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

    /** Pretty-printed JSON, as the CLI prints one advice. */
    public String write(Advice advice) {
        StringWriter out = new StringWriter();
        write(advice, out, true);
        return out.toString();
    }

    /** One line of JSON, for JSON Lines output. */
    public String writeLine(Advice advice) {
        StringWriter out = new StringWriter();
        write(advice, out, false);
        return out.toString();
    }

    public void write(Advice a, Writer out, boolean pretty) {
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (pretty) {
                g.setPrettyPrinter(PrettyJson.PRINTER.createInstance());
            }
            write(a, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One line of JSON Lines: {@link #writeLine(Advice)} and a newline, as UTF-8 bytes. Written straight as bytes,
     * with no string or character buffer in between, so it costs about a third less than encoding the string; the
     * bytes are the same. (Jackson writes a lone surrogate as an escape where the text, once encoded, has a
     * {@code ?}: such a line, found by the escape it leaves, is written from the text instead.)
     */
    public byte[] jsonLine(Advice a) {
        LineBuffer buf = LINE.get();
        buf.reset();
        try (JsonGenerator g = utf8.createGenerator(buf, JsonEncoding.UTF8)) {
            write(a, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (buf.hasSurrogateEscape()) {
            return (writeLine(a) + "\n").getBytes(StandardCharsets.UTF_8);
        }
        buf.write('\n');
        byte[] line = buf.toByteArray();
        if (buf.large()) {
            LINE.remove(); // a huge advice is rare: its buffer is not kept for the lines after it
        }
        return line;
    }

    /** A buffer per thread for {@link #jsonLine}, kept between lines: a line is written into it, then copied once. */
    private static final ThreadLocal<LineBuffer> LINE = ThreadLocal.withInitial(LineBuffer::new);

    private static final class LineBuffer extends ByteArrayOutputStream {
        LineBuffer() {
            super(1 << 14);
        }

        boolean large() {
            return buf.length > 1 << 20;
        }

        /**
         * True if the bytes hold an escape of a surrogate (backslash, u, D8 to DF), or the same letters after a
         * written backslash, which is harmless to redo.
         */
        boolean hasSurrogateEscape() {
            byte[] b = buf;
            for (int i = 0, end = count - 3; i < end; i++) {
                if (b[i] == '\\' && b[i + 1] == 'u' && b[i + 2] == 'D' && b[i + 3] >= '8') {
                    return true;
                }
            }
            return false;
        }
    }

    private static void write(Advice a, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("complaint", a.complaint());
        g.writeStringField("priority", a.priority().name());
        if (a.emotion() != null) {
            g.writeObjectFieldStart("emotion");
            g.writeStringField("level", a.emotion().level().name());
            g.writeBooleanField("estimated", a.emotion().estimated());
            g.writeEndObject();
        }
        text(g, "policy", a.policy());
        g.writeArrayFieldStart("next");
        for (NextStep n : a.next()) {
            g.writeStartObject();
            g.writeStringField("code", n.code());
            g.writeStringField("text", n.text());
            guidance(g, n.guidance());
            g.writeStringField("rule", n.rule());
            g.writeStringField("item", n.item());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("recommendations");
        for (Recommendation r : a.recommendations()) {
            g.writeStartObject();
            g.writeStringField("action", r.action());
            g.writeStringField("phase", r.phase().name());
            guidance(g, r.guidance());
            text(g, "say", r.say());
            text(g, "why", r.why());
            g.writeStringField("rule", r.rule());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("warnings");
        for (Warning w : a.warnings()) {
            g.writeStartObject();
            g.writeStringField("code", w.code());
            g.writeStringField("severity", w.severity().name());
            guidance(g, w.guidance());
            text(g, "span", w.span());
            if (w.hasOffsets()) {
                g.writeNumberField("start", w.start());
                g.writeNumberField("end", w.end());
            }
            text(g, "why", w.why());
            g.writeStringField("rule", w.rule());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("escalations");
        for (Escalation e : a.escalations()) {
            g.writeStartObject();
            g.writeStringField("to", e.to().name());
            g.writeStringField("code", e.code());
            guidance(g, e.guidance());
            text(g, "why", e.why());
            text(g, "say", e.say());
            g.writeStringField("rule", e.rule());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("followUps");
        for (FollowUp f : a.followUps()) {
            g.writeStartObject();
            g.writeStringField("due", f.due().toString());
            g.writeStringField("code", f.code());
            text(g, "what", f.what());
            guidance(g, f.guidance());
            g.writeStringField("rule", f.rule());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("reviews");
        for (Review r : a.reviews()) {
            g.writeStartObject();
            g.writeStringField("kind", r.kind());
            guidance(g, r.guidance());
            text(g, "why", r.why());
            g.writeStringField("rule", r.rule());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("records");
        for (CaseRecord r : a.records()) {
            g.writeStartObject();
            g.writeStringField("kind", r.kind());
            text(g, "cause", r.cause() == null ? null : r.cause().name());
            guidance(g, r.guidance());
            g.writeStringField("rule", r.rule());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("commitments");
        for (Commitment c : a.commitments()) {
            g.writeStartObject();
            g.writeStringField("span", c.span());
            g.writeNumberField("start", c.start());
            g.writeNumberField("end", c.end());
            g.writeStringField("what", c.what());
            if (c.due() == null) {
                g.writeNullField("due");
            } else {
                g.writeStringField("due", c.due().toString());
            }
            guidance(g, c.guidance());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void guidance(JsonGenerator g, List<String> ids) throws IOException {
        g.writeArrayFieldStart("guidance");
        for (String id : ids) {
            g.writeString(id);
        }
        g.writeEndArray();
    }

    private static void text(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }
}
