package dev.sereno.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sereno.situation.Agent;
import dev.sereno.situation.Cause;
import dev.sereno.situation.Channel;
import dev.sereno.situation.ClaimKind;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Customer;
import dev.sereno.situation.Emotion;
import dev.sereno.situation.Evidence;
import dev.sereno.situation.Interaction;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Language;
import dev.sereno.situation.Option;
import dev.sereno.situation.Problem;
import dev.sereno.situation.Promise;
import dev.sereno.situation.Remedy;
import dev.sereno.situation.Segment;
import dev.sereno.situation.Situation;
import dev.sereno.situation.SituationValidator;
import dev.sereno.situation.Stage;
import dev.sereno.situation.Stance;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads and writes situations in the JSON form of the contract (v1). Reading is strict: unknown fields, values of
 * the wrong kind, bad enum values and times, and the validator's checks all become {@link Problem}s with field
 * paths, reported together; malformed JSON names its line and column. Thread-safe.
 */
public final class SituationJson {
    /** Largest accepted document, in characters. */
    public static final int MAX_DOCUMENT = 2_000_000;
    private static final int MAX_DEPTH = 64;

    /** The fields of each object: the tree reader names any other; the streaming reader leaves it to the tree. */
    static final Set<String> SITUATION = Set.of("now", "locale", "currency", "customer", "agent", "complaint",
            "evidence", "promises", "options", "draftReply", "zone");
    static final Set<String> CUSTOMER = Set.of("id", "segment", "yearsAsCustomer", "annualValue",
            "annualCostToServe", "pastComplaints", "pastUnfoundedComplaints");
    static final Set<String> AGENT = Set.of("id", "name", "maxCompensation", "remedies", "recentInteractions");
    static final Set<String> INTERACTION = Set.of("endedAt", "emotion");
    static final Set<String> COMPLAINT = Set.of("id", "channel", "cause", "claim", "claimKind", "customerWords",
            "emotion", "stillVenting", "agentInterrupted", "causedByThisAgent", "causeEstablished", "paraphrased",
            "apologized", "blocksCustomerBusiness", "raisedBefore", "requestedRemedy", "amount", "openedAt", "stage");
    static final Set<String> EVIDENCE = Set.of("id", "kind", "stance", "verified", "summary");
    static final Set<String> PROMISE = Set.of("id", "what", "owner", "madeAt", "dueAt", "keptAt");
    static final Set<String> OPTION = Set.of("remedy", "cost", "available", "why", "price");

    /** {@code ZoneId.getAvailableZoneIds()} copies its set of about 600 ids on every call: read once. */
    private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    private final ObjectMapper mapper;
    private final SituationValidator validator = new SituationValidator();

    public SituationJson() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_DOCUMENT).maxNumberLength(100).build())
                .build();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /**
     * Reads and validates one situation.
     *
     * @throws InvalidSituationException with every problem found
     */
    public Situation read(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidSituationException(List.of(new Problem("", "empty input; expected a situation as a JSON object")));
        }
        if (json.length() > MAX_DOCUMENT) {
            throw new InvalidSituationException(List.of(new Problem("", "the document has " + json.length()
                    + " characters; at most " + MAX_DOCUMENT + " are accepted")));
        }
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidSituationException(List.of(malformed(e)));
        } catch (NumberFormatException e) {
            // a number like 1e9999999990, whose exponent does not fit: Jackson throws this one unwrapped (found by fuzzing)
            throw new InvalidSituationException(List.of(new Problem("",
                    "malformed JSON: a number is too large or too small to read (its exponent does not fit)")));
        }
        return read(root);
    }

    /**
     * Reads and validates one situation from UTF-8 bytes: the same situation, or the same problems, as
     * {@link #read(String)} of the decoded text, at about half the cost. A well-formed situation of the expected
     * shape is read straight from the bytes by a streaming parser; anything else (bytes that are not plain UTF-8,
     * malformed JSON, an unknown field, a value of the wrong kind, an unusual number) is read again by
     * {@link #read(String)}, whose problems are the reference.
     *
     * @param what how a problem of encoding names the input, as for {@link Utf8#decode(byte[], String)}
     * @throws InvalidSituationException with every problem found
     */
    public Situation read(byte[] bytes, int offset, int length, String what) {
        Situation s = null;
        if (length <= MAX_DOCUMENT && StreamingSituation.plainUtf8(bytes, offset, length)) {
            s = StreamingSituation.read(mapper.getFactory(), bytes, offset, length);
        }
        if (s == null) {
            return read(Utf8.decode(bytes, offset, length, what));
        }
        List<Problem> problems = validator.problems(s);
        if (!problems.isEmpty()) {
            throw new InvalidSituationException(new ArrayList<>(problems));
        }
        return s;
    }

    /** Validates and converts an already parsed tree. */
    public Situation read(JsonNode root) {
        List<Problem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new InvalidSituationException(List.of(new Problem("", "expected a situation as a JSON object, was "
                    + (root == null ? "nothing" : JsonObjectReader.describe(root)))));
        }
        JsonObjectReader r = new JsonObjectReader(root, "", problems, SITUATION);
        String localeText = r.text("locale");
        Language locale = null;
        if (localeText != null) {
            for (Language l : Language.values()) {
                if (l.code().equals(localeText)) {
                    locale = l;
                }
            }
            if (locale == null) {
                problems.add(new Problem("locale", "\"" + localeText + "\" is not one of es, en"));
            }
        }
        Situation s = new Situation(r.instant("now"), locale, r.text("currency"),
                customer(r.object("customer", CUSTOMER)), agent(r.object("agent", AGENT)),
                complaint(r.object("complaint", COMPLAINT)),
                r.array("evidence", (n, p) -> item(n, p, EVIDENCE, problems, SituationJson::evidence)),
                r.array("promises", (n, p) -> item(n, p, PROMISE, problems, SituationJson::promise)),
                r.array("options", (n, p) -> item(n, p, OPTION, problems, SituationJson::option)),
                r.text("draftReply"), zone(r.text("zone"), problems));
        Set<String> reported = new HashSet<>();
        problems.forEach(p -> reported.add(p.path()));
        for (Problem p : validator.problems(s)) {
            // a value of the wrong kind was already reported; don't report it again as missing
            if (!reported.contains(p.path())) {
                problems.add(p);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSituationException(problems);
        }
        return s;
    }

    /** An IANA zone such as Europe/Madrid; an unknown one is a problem that echoes it. Absent gives null (UTC). */
    static boolean knownZone(String text) {
        return ZONES.contains(text);
    }

    private static ZoneId zone(String text, List<Problem> problems) {
        if (text == null) {
            return null;
        }
        if (ZONES.contains(text)) {
            return ZoneId.of(text);
        }
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        problems.add(new Problem("zone", "\"" + shown + "\" is not a known IANA time zone such as Europe/Madrid, "
                + "America/Mexico_City or UTC"));
        return null;
    }

    /** The problem for input that is not JSON at all, naming the line and column, in words without Jackson's names. */
    static Problem malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String what = e.getOriginalMessage();
        if (what.startsWith("Trailing token")) {
            return new Problem("", "malformed JSON" + where + ": unexpected text after the situation; a document"
                    + " holds one situation (use --jsonl for one per line)");
        }
        int cut = what.indexOf('\n');
        what = cut > 0 ? what.substring(0, cut) : what;
        return new Problem("", "malformed JSON" + where + ": " + plain(what));
    }

    /**
     * Jackson's wording without its internals: the settings it names ("from `StreamReadConstraints…`"), the types
     * it binds to ("bound as `…JsonNode`"), and the source position it repeats ("[Source: …; line: 1, column: 9]",
     * given once already).
     */
    static String plain(String message) {
        return message.replaceAll(", from `[^`]*`", "")
                .replaceAll(" \\(bound as `[^`]*`\\)", "")
                .replaceAll(":? ?not allowed as per `[^`]*`", "")
                .replaceAll(" ?\\(start marker at \\[Source: [^\\]]*; line: (\\d+), column: (\\d+)\\]\\)",
                        " (opened at line $1, column $2)")
                .replaceAll(" ?\\[Source: [^\\]]*\\]", "")
                .replaceAll("`[a-z]+(\\.[a-zA-Z0-9_$]+)+`", "a value");
    }

    private static <T> T item(JsonNode n, String path, Set<String> known, List<Problem> problems,
                              Function<JsonObjectReader, T> read) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            problems.add(new Problem(path, "expected an object, was " + JsonObjectReader.describe(n)));
            return null;
        }
        return read.apply(new JsonObjectReader(n, path, problems, known));
    }

    private static Customer customer(JsonObjectReader r) {
        if (r == null) {
            return null;
        }
        return new Customer(r.text("id"), r.enumValue("segment", Segment.class), r.integer("yearsAsCustomer"),
                r.decimal("annualValue"), r.decimal("annualCostToServe"), r.integer("pastComplaints"),
                r.integer("pastUnfoundedComplaints"));
    }

    private static Agent agent(JsonObjectReader r) {
        if (r == null) {
            return null;
        }
        List<Problem> problems = r.problems();
        return new Agent(r.text("id"), r.text("name"), r.decimal("maxCompensation"),
                r.array("remedies", (n, p) -> n.isNull() ? null : JsonObjectReader.enumOf(n, p, Remedy.class, problems)),
                r.array("recentInteractions", (n, p) -> item(n, p, INTERACTION, problems,
                        i -> new Interaction(i.instant("endedAt"), i.enumValue("emotion", Emotion.class)))));
    }

    private static Complaint complaint(JsonObjectReader r) {
        if (r == null) {
            return null;
        }
        return new Complaint(r.text("id"), r.enumValue("channel", Channel.class), r.enumValue("cause", Cause.class),
                r.text("claim"), r.enumValue("claimKind", ClaimKind.class), r.text("customerWords"),
                r.enumValue("emotion", Emotion.class), r.bool("stillVenting", false), r.bool("agentInterrupted", false),
                r.bool("causedByThisAgent", false), r.bool("causeEstablished", false), r.bool("paraphrased", false),
                r.bool("apologized", false), r.bool("blocksCustomerBusiness", false), r.integer("raisedBefore"),
                r.enumValue("requestedRemedy", Remedy.class), r.decimal("amount"), r.instant("openedAt"),
                r.enumValue("stage", Stage.class));
    }

    private static Evidence evidence(JsonObjectReader r) {
        return new Evidence(r.text("id"), r.text("kind"), r.enumValue("stance", Stance.class), r.bool("verified", false),
                r.text("summary"));
    }

    private static Promise promise(JsonObjectReader r) {
        return new Promise(r.text("id"), r.text("what"), r.text("owner"), r.instant("madeAt"), r.instant("dueAt"),
                r.instant("keptAt"));
    }

    private static Option option(JsonObjectReader r) {
        return new Option(r.enumValue("remedy", Remedy.class), r.decimal("cost"), r.bool("available", true), r.text("why"),
                r.decimal("price"));
    }

    /** Writes a situation in the contract's form (all fields, defaults spelled out). */
    public String write(Situation s) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(PrettyJson.PRINTER.createInstance());
            g.writeStartObject();
            g.writeStringField("now", s.now().toString());
            g.writeStringField("locale", s.locale().code());
            g.writeStringField("currency", s.currency());
            Customer c = s.customer();
            g.writeObjectFieldStart("customer");
            g.writeStringField("id", c.id());
            g.writeStringField("segment", c.segment().name());
            g.writeNumberField("yearsAsCustomer", c.yearsAsCustomer());
            g.writeNumberField("annualValue", c.annualValue());
            g.writeNumberField("annualCostToServe", c.annualCostToServe());
            g.writeNumberField("pastComplaints", c.pastComplaints());
            g.writeNumberField("pastUnfoundedComplaints", c.pastUnfoundedComplaints());
            g.writeEndObject();
            Agent a = s.agent();
            g.writeObjectFieldStart("agent");
            g.writeStringField("id", a.id());
            optional(g, "name", a.name());
            g.writeNumberField("maxCompensation", a.maxCompensation());
            g.writeArrayFieldStart("remedies");
            for (Remedy m : a.remedies()) {
                g.writeString(m.name());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("recentInteractions");
            for (Interaction i : a.recentInteractions()) {
                g.writeStartObject();
                g.writeStringField("endedAt", i.endedAt().toString());
                g.writeStringField("emotion", i.emotion().name());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            complaint(g, s.complaint());
            g.writeArrayFieldStart("evidence");
            for (Evidence e : s.evidence()) {
                g.writeStartObject();
                g.writeStringField("id", e.id());
                optional(g, "kind", e.kind());
                g.writeStringField("stance", e.stance().name());
                g.writeBooleanField("verified", e.verified());
                optional(g, "summary", e.summary());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("promises");
            for (Promise p : s.promises()) {
                g.writeStartObject();
                g.writeStringField("id", p.id());
                optional(g, "what", p.what());
                optional(g, "owner", p.owner());
                optional(g, "madeAt", p.madeAt());
                optional(g, "dueAt", p.dueAt());
                optional(g, "keptAt", p.keptAt());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("options");
            for (Option o : s.options()) {
                g.writeStartObject();
                g.writeStringField("remedy", o.remedy().name());
                g.writeNumberField("cost", o.cost());
                g.writeBooleanField("available", o.available());
                optional(g, "why", o.why());
                g.writeNumberField("price", o.price());
                g.writeEndObject();
            }
            g.writeEndArray();
            optional(g, "draftReply", s.draftReply());
            g.writeStringField("zone", s.zone().getId());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void complaint(JsonGenerator g, Complaint k) throws IOException {
        g.writeObjectFieldStart("complaint");
        g.writeStringField("id", k.id());
        g.writeStringField("channel", k.channel().name());
        g.writeStringField("cause", k.cause().name());
        optional(g, "claim", k.claim());
        g.writeStringField("claimKind", k.claimKind().name());
        optional(g, "customerWords", k.customerWords());
        optional(g, "emotion", k.emotion() == null ? null : k.emotion().name());
        g.writeBooleanField("stillVenting", k.stillVenting());
        g.writeBooleanField("agentInterrupted", k.agentInterrupted());
        g.writeBooleanField("causedByThisAgent", k.causedByThisAgent());
        g.writeBooleanField("causeEstablished", k.causeEstablished());
        g.writeBooleanField("paraphrased", k.paraphrased());
        g.writeBooleanField("apologized", k.apologized());
        g.writeBooleanField("blocksCustomerBusiness", k.blocksCustomerBusiness());
        g.writeNumberField("raisedBefore", k.raisedBefore());
        optional(g, "requestedRemedy", k.requestedRemedy() == null ? null : k.requestedRemedy().name());
        g.writeNumberField("amount", k.amount());
        optional(g, "openedAt", k.openedAt());
        g.writeStringField("stage", k.stage().name());
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String name, Object value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value.toString());
        }
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** Writes to a writer; used by tools that stream. */
    public void write(Situation s, Writer out) throws IOException {
        out.write(write(s));
    }
}
