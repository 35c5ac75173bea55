package dev.sereno.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sereno.advice.Advice;
import dev.sereno.advice.CaseRecord;
import dev.sereno.advice.FollowUp;
import dev.sereno.advice.Recommendation;
import dev.sereno.advice.Review;
import dev.sereno.engine.AdvisorListener;
import dev.sereno.engine.Explanation;
import dev.sereno.engine.RuleFailureException;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Problem;
import dev.sereno.situation.Situation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collection;
import java.util.Objects;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An audit trail of an Advisor's decisions, one JSON object per line: when (the situation's {@code now}), which
 * policy revision, which rules fired, and the advice as codes and guidance ids. It never holds free text (no names,
 * customer words, claims, drafts, rendered advice or spans), and the customer and complaint ids appear only as
 * {@link KeyedHash keyed hashes}. Off unless a host installs it, one per Advisor:
 *
 * <pre>{@code
 * Advisor advisor = Advisor.builder().listener(DecisionLog.toLogger(key)).build();   // logger "sereno.decisions"
 * }</pre>
 *
 * <p>A situation that was rejected is recorded as {@code "outcome": "INVALID"} with the field paths at fault; a
 * rule that failed as {@code "RULE_FAILED"} with the rule's name. Thread-safe: lines are never interleaved.
 */
public final class DecisionLog implements AdvisorListener {
    /** Name of the SLF4J logger that {@link #toLogger} writes to, at INFO. */
    public static final String LOGGER = "sereno.decisions";

    private final KeyedHash ids;
    private final Sink sink;
    private final JsonFactory json = new JsonFactory();

    private interface Sink {
        void accept(String line);
    }

    private DecisionLog(KeyedHash ids, Sink sink) {
        this.ids = ids;
        this.sink = sink;
    }

    /** Writes each decision as a line to {@code out}, flushed at once so that a crash loses nothing written. */
    public static DecisionLog to(Writer out, byte[] key) {
        Objects.requireNonNull(out, "out");
        KeyedHash ids = new KeyedHash(key);
        return new DecisionLog(ids, line -> {
            synchronized (out) {
                try {
                    out.write(line);
                    out.write('\n');
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException("the decision log could not be written", e);
                }
            }
        });
    }

    /** Logs each decision at INFO on the SLF4J logger {@value #LOGGER}, for the host's logging to route. */
    public static DecisionLog toLogger(byte[] key) {
        KeyedHash ids = new KeyedHash(key);
        Logger log = LoggerFactory.getLogger(LOGGER);
        return new DecisionLog(ids, line -> log.info("{}", line));
    }

    @Override
    public void onExplained(Situation situation, Explanation explanation) {
        Advice a = explanation.advice();
        sink.accept(line(g -> {
            head(g, situation, "ADVISED", a.policy());
            g.writeStringField("priority", a.priority().name());
            if (a.emotion() != null) {
                g.writeStringField("emotion", a.emotion().level().name());
                g.writeBooleanField("emotionEstimated", a.emotion().estimated());
            }
            g.writeBooleanField("blocksDraft", a.blocksDraft());
            strings(g, "rules", explanation.rulesFired().stream().sorted().toList());
            strings(g, "recommendations", a.recommendations().stream().map(Recommendation::action).toList());
            strings(g, "warnings", a.warnings().stream().map(w -> w.code() + ":" + w.severity()).toList());
            strings(g, "escalations", a.escalations().stream().map(e -> e.to() + ":" + e.code()).toList());
            strings(g, "followUps", a.followUps().stream().map(FollowUp::code).toList());
            strings(g, "reviews", a.reviews().stream().map(Review::kind).toList());
            strings(g, "records", a.records().stream().map(CaseRecord::kind).toList());
            strings(g, "guidance", new TreeSet<>(a.guidance().toList()));
        }));
    }

    @Override
    public void onFailure(Situation situation, RuntimeException error) {
        if (error instanceof RuleFailureException e) {
            sink.accept(line(g -> {
                head(g, situation, "RULE_FAILED", e.policy());
                g.writeStringField("rule", e.rule());
                g.writeStringField("failure", e.kind().name());
            }));
        } else if (error instanceof InvalidSituationException e) {
            // the paths name fields of the contract, never their values: messages may quote what was sent
            sink.accept(line(g -> {
                head(g, situation, "INVALID", null);
                strings(g, "fields", e.problems().stream().map(Problem::path).distinct().toList());
            }));
        }
    }

    private void head(JsonGenerator g, Situation s, String outcome, String policy) throws IOException {
        if (s != null && s.now() != null) {
            g.writeStringField("time", s.now().toString());
        }
        if (policy != null) {
            g.writeStringField("policy", policy);
        }
        g.writeStringField("outcome", outcome);
        if (s != null && s.customer() != null && s.customer().id() != null) {
            g.writeStringField("customer", ids.of(s.customer().id()));
        }
        if (s != null && s.complaint() != null && s.complaint().id() != null) {
            g.writeStringField("complaint", ids.of(s.complaint().id()));
        }
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private String line(Fields fields) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void strings(JsonGenerator g, String name, Collection<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
