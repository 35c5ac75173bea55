package dev.sereno.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sereno.situation.Agent;
import dev.sereno.situation.Cause;
import dev.sereno.situation.Channel;
import dev.sereno.situation.ClaimKind;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Customer;
import dev.sereno.situation.Emotion;
import dev.sereno.situation.Evidence;
import dev.sereno.situation.Interaction;
import dev.sereno.situation.Language;
import dev.sereno.situation.Option;
import dev.sereno.situation.Promise;
import dev.sereno.situation.Remedy;
import dev.sereno.situation.Segment;
import dev.sereno.situation.Situation;
import dev.sereno.situation.Stage;
import dev.sereno.situation.Stance;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The quick way of reading a situation: straight from UTF-8 bytes with Jackson's streaming parser, no tree in
 * between. It reads only what is well-formed and of the expected shape, and gives up (null) at the first thing that
 * is not: an unknown field, a value of the wrong kind, an enum value or time it does not know, a number of an
 * unusual size, a null inside a list, malformed JSON. {@link SituationJson} then reads the text the tree way,
 * which reports the problems; so the problems have a single source, and what this reader accepts it reads to the
 * same values (numbers included: a decimal loses its trailing zeros, as in the tree).
 */
final class StreamingSituation {
    private StreamingSituation() {
    }

    /** Not the shape this reader knows: the tree way decides. */
    private static final class GiveUp extends Exception {
        static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super(null, null, false, false);
        }
    }

    /** The situation, or null when the tree way must read it. */
    static Situation read(JsonFactory factory, byte[] bytes, int offset, int length) {
        try (JsonParser p = factory.createParser(bytes, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Situation s = situation(p);
            return p.nextToken() == null ? s : null;
        } catch (GiveUp | IOException | RuntimeException e) {
            // (a malformed document, a number whose exponent does not fit, …): reported by the tree way
            return null;
        }
    }

    private static Situation situation(JsonParser p) throws IOException, GiveUp {
        Instant now = null;
        Language locale = null;
        String currency = null;
        Customer customer = null;
        Agent agent = null;
        Complaint complaint = null;
        List<Evidence> evidence = null;
        List<Promise> promises = null;
        List<Option> options = null;
        String draftReply = null;
        ZoneId zone = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            if (p.nextToken() == JsonToken.VALUE_NULL) {
                // null is absent, for a field the object has (the tree way's list); any other, the tree way names
                if (!SituationJson.SITUATION.contains(name)) {
                    throw GiveUp.INSTANCE;
                }
                continue;
            }
            switch (name) {
                case "now" -> now = instant(p);
                case "locale" -> locale = locale(text(p));
                case "currency" -> currency = text(p);
                case "customer" -> customer = customer(p);
                case "agent" -> agent = agent(p);
                case "complaint" -> complaint = complaint(p);
                case "evidence" -> {
                    startArray(p);
                    evidence = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        evidence.add(evidence(p));
                    }
                }
                case "promises" -> {
                    startArray(p);
                    promises = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        promises.add(promise(p));
                    }
                }
                case "options" -> {
                    startArray(p);
                    options = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        options.add(option(p));
                    }
                }
                case "draftReply" -> draftReply = text(p);
                case "zone" -> zone = zone(text(p));
                default -> throw GiveUp.INSTANCE;
            }
        }
        return new Situation(now, locale, currency, customer, agent, complaint, evidence, promises, options,
                draftReply, zone);
    }

    private static Customer customer(JsonParser p) throws IOException, GiveUp {
        startObject(p);
        String id = null;
        Segment segment = null;
        int years = 0;
        BigDecimal value = null;
        BigDecimal cost = null;
        int past = 0;
        int unfounded = 0;
        String name;
        while ((name = p.nextFieldName()) != null) {
            if (p.nextToken() == JsonToken.VALUE_NULL) {
                // null is absent, for a field the object has (the tree way's list); any other, the tree way names
                if (!SituationJson.CUSTOMER.contains(name)) {
                    throw GiveUp.INSTANCE;
                }
                continue;
            }
            switch (name) {
                case "id" -> id = text(p);
                case "segment" -> segment = enumValue(p, Segment.values());
                case "yearsAsCustomer" -> years = integer(p);
                case "annualValue" -> value = decimal(p);
                case "annualCostToServe" -> cost = decimal(p);
                case "pastComplaints" -> past = integer(p);
                case "pastUnfoundedComplaints" -> unfounded = integer(p);
                default -> throw GiveUp.INSTANCE;
            }
        }
        return new Customer(id, segment, years, value, cost, past, unfounded);
    }

    private static Agent agent(JsonParser p) throws IOException, GiveUp {
        startObject(p);
        String id = null;
        String agentName = null;
        BigDecimal max = null;
        List<Remedy> remedies = null;
        List<Interaction> recent = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            if (p.nextToken() == JsonToken.VALUE_NULL) {
                // null is absent, for a field the object has (the tree way's list); any other, the tree way names
                if (!SituationJson.AGENT.contains(name)) {
                    throw GiveUp.INSTANCE;
                }
                continue;
            }
            switch (name) {
                case "id" -> id = text(p);
                case "name" -> agentName = text(p);
                case "maxCompensation" -> max = decimal(p);
                case "remedies" -> {
                    startArray(p);
                    remedies = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        remedies.add(enumValue(p, Remedy.values()));
                    }
                }
                case "recentInteractions" -> {
                    startArray(p);
                    recent = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        recent.add(interaction(p));
                    }
                }
                default -> throw GiveUp.INSTANCE;
            }
        }
        return new Agent(id, agentName, max, remedies, recent);
    }

    private static Interaction interaction(JsonParser p) throws IOException, GiveUp {
        startObject(p);
        Instant endedAt = null;
        Emotion emotion = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            if (p.nextToken() == JsonToken.VALUE_NULL) {
                // null is absent, for a field the object has (the tree way's list); any other, the tree way names
                if (!SituationJson.INTERACTION.contains(name)) {
                    throw GiveUp.INSTANCE;
                }
                continue;
            }
            switch (name) {
                case "endedAt" -> endedAt = instant(p);
                case "emotion" -> emotion = enumValue(p, Emotion.values());
                default -> throw GiveUp.INSTANCE;
            }
        }
        return new Interaction(endedAt, emotion);
    }

    private static Complaint complaint(JsonParser p) throws IOException, GiveUp {
        startObject(p);
        String id = null;
        Channel channel = null;
        Cause cause = null;
        String claim = null;
        ClaimKind claimKind = null;
        String words = null;
        Emotion emotion = null;
        boolean stillVenting = false;
        boolean agentInterrupted = false;
        boolean causedByThisAgent = false;
        boolean causeEstablished = false;
        boolean paraphrased = false;
        boolean apologized = false;
        boolean blocks = false;
        int raisedBefore = 0;
        Remedy requested = null;
        BigDecimal amount = null;
        Instant openedAt = null;
        Stage stage = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            if (p.nextToken() == JsonToken.VALUE_NULL) {
                // null is absent, for a field the object has (the tree way's list); any other, the tree way names
                if (!SituationJson.COMPLAINT.contains(name)) {
                    throw GiveUp.INSTANCE;
                }
                continue;
            }
            switch (name) {
                case "id" -> id = text(p);
                case "channel" -> channel = enumValue(p, Channel.values());
                case "cause" -> cause = enumValue(p, Cause.values());
                case "claim" -> claim = text(p);
                case "claimKind" -> claimKind = enumValue(p, ClaimKind.values());
                case "customerWords" -> words = text(p);
                case "emotion" -> emotion = enumValue(p, Emotion.values());
                case "stillVenting" -> stillVenting = bool(p);
                case "agentInterrupted" -> agentInterrupted = bool(p);
                case "causedByThisAgent" -> causedByThisAgent = bool(p);
                case "causeEstablished" -> causeEstablished = bool(p);
                case "paraphrased" -> paraphrased = bool(p);
                case "apologized" -> apologized = bool(p);
                case "blocksCustomerBusiness" -> blocks = bool(p);
                case "raisedBefore" -> raisedBefore = integer(p);
                case "requestedRemedy" -> requested = enumValue(p, Remedy.values());
                case "amount" -> amount = decimal(p);
                case "openedAt" -> openedAt = instant(p);
                case "stage" -> stage = enumValue(p, Stage.values());
                default -> throw GiveUp.INSTANCE;
            }
        }
        return new Complaint(id, channel, cause, claim, claimKind, words, emotion, stillVenting, agentInterrupted,
                causedByThisAgent, causeEstablished, paraphrased, apologized, blocks, raisedBefore, requested, amount,
                openedAt, stage);
    }

    private static Evidence evidence(JsonParser p) throws IOException, GiveUp {
        startObject(p);
        String id = null;
        String kind = null;
        Stance stance = null;
        boolean verified = false;
        String summary = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            if (p.nextToken() == JsonToken.VALUE_NULL) {
                // null is absent, for a field the object has (the tree way's list); any other, the tree way names
                if (!SituationJson.EVIDENCE.contains(name)) {
                    throw GiveUp.INSTANCE;
                }
                continue;
            }
            switch (name) {
                case "id" -> id = text(p);
                case "kind" -> kind = text(p);
                case "stance" -> stance = enumValue(p, Stance.values());
                case "verified" -> verified = bool(p);
                case "summary" -> summary = text(p);
                default -> throw GiveUp.INSTANCE;
            }
        }
        return new Evidence(id, kind, stance, verified, summary);
    }

    private static Promise promise(JsonParser p) throws IOException, GiveUp {
        startObject(p);
        String id = null;
        String what = null;
        String owner = null;
        Instant madeAt = null;
        Instant dueAt = null;
        Instant keptAt = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            if (p.nextToken() == JsonToken.VALUE_NULL) {
                // null is absent, for a field the object has (the tree way's list); any other, the tree way names
                if (!SituationJson.PROMISE.contains(name)) {
                    throw GiveUp.INSTANCE;
                }
                continue;
            }
            switch (name) {
                case "id" -> id = text(p);
                case "what" -> what = text(p);
                case "owner" -> owner = text(p);
                case "madeAt" -> madeAt = instant(p);
                case "dueAt" -> dueAt = instant(p);
                case "keptAt" -> keptAt = instant(p);
                default -> throw GiveUp.INSTANCE;
            }
        }
        return new Promise(id, what, owner, madeAt, dueAt, keptAt);
    }

    private static Option option(JsonParser p) throws IOException, GiveUp {
        startObject(p);
        Remedy remedy = null;
        BigDecimal cost = null;
        boolean available = true;
        String why = null;
        BigDecimal price = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            if (p.nextToken() == JsonToken.VALUE_NULL) {
                // null is absent, for a field the object has (the tree way's list); any other, the tree way names
                if (!SituationJson.OPTION.contains(name)) {
                    throw GiveUp.INSTANCE;
                }
                continue;
            }
            switch (name) {
                case "remedy" -> remedy = enumValue(p, Remedy.values());
                case "cost" -> cost = decimal(p);
                case "available" -> available = bool(p);
                case "why" -> why = text(p);
                case "price" -> price = decimal(p);
                default -> throw GiveUp.INSTANCE;
            }
        }
        return new Option(remedy, cost, available, why, price);
    }

    private static void startObject(JsonParser p) throws GiveUp {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw GiveUp.INSTANCE;
        }
    }

    private static void startArray(JsonParser p) throws GiveUp {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw GiveUp.INSTANCE;
        }
    }

    private static String text(JsonParser p) throws IOException, GiveUp {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw GiveUp.INSTANCE;
        }
        return p.getText();
    }

    private static boolean bool(JsonParser p) throws GiveUp {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (t == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw GiveUp.INSTANCE;
    }

    /** A whole number written as one that fits an int; anything else (1.0, 1e3, huge) is left to the tree way. */
    private static int integer(JsonParser p) throws IOException, GiveUp {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw GiveUp.INSTANCE;
        }
        return p.getIntValue();
    }

    /** As the tree reads it: an int or a long as it is; a decimal without its trailing zeros (zero as 0). */
    private static BigDecimal decimal(JsonParser p) throws IOException, GiveUp {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = p.getNumberType();
            if (type == JsonParser.NumberType.INT) {
                return BigDecimal.valueOf(p.getIntValue());
            }
            if (type == JsonParser.NumberType.LONG) {
                return BigDecimal.valueOf(p.getLongValue());
            }
            throw GiveUp.INSTANCE;
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            BigDecimal d = p.getDecimalValue();
            return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        }
        throw GiveUp.INSTANCE;
    }

    private static Instant instant(JsonParser p) throws IOException, GiveUp {
        // a time in the usual form; any other (offsets, bad dates) is left to the tree way and Instant.parse
        Instant i = Instants.fast(text(p));
        if (i == null) {
            throw GiveUp.INSTANCE;
        }
        return i;
    }

    private static <E extends Enum<E>> E enumValue(JsonParser p, E[] constants) throws IOException, GiveUp {
        String text = text(p);
        for (E e : constants) {
            if (e.name().equals(text)) {
                return e;
            }
        }
        throw GiveUp.INSTANCE;
    }

    private static Language locale(String code) throws GiveUp {
        for (Language l : Language.values()) {
            if (l.code().equals(code)) {
                return l;
            }
        }
        throw GiveUp.INSTANCE;
    }

    private static ZoneId zone(String text) throws GiveUp {
        if (!SituationJson.knownZone(text)) {
            throw GiveUp.INSTANCE;
        }
        return ZoneId.of(text);
    }

    /**
     * True when the bytes are well-formed UTF-8 without a byte order mark or a zero byte (Unicode's table 3-7: no
     * overlong forms, no surrogates, nothing above U+10FFFF), which {@link Utf8#decode} accepts as they are; false
     * sends them the way that names the bad byte.
     */
    static boolean plainUtf8(byte[] b, int offset, int length) {
        int end = offset + length;
        if (length >= 3 && (b[offset] & 0xFF) == 0xEF && (b[offset + 1] & 0xFF) == 0xBB && (b[offset + 2] & 0xFF) == 0xBF) {
            return false;
        }
        int i = offset;
        while (i < end) {
            int c = b[i];
            if (c > 0) {
                i++;
                continue;
            }
            if (c == 0) {
                return false; // never in JSON; at the start, the mark of UTF-16 or UTF-32, which the decoder names
            }
            c &= 0xFF;
            if (c >= 0xC2 && c <= 0xDF) {
                if (i + 1 >= end || !continuation(b[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                if (i + 2 >= end) {
                    return false;
                }
                int c1 = b[i + 1] & 0xFF;
                int lo = c == 0xE0 ? 0xA0 : 0x80;
                int hi = c == 0xED ? 0x9F : 0xBF;
                if (c1 < lo || c1 > hi || !continuation(b[i + 2])) {
                    return false;
                }
                i += 3;
            } else if (c >= 0xF0 && c <= 0xF4) {
                if (i + 3 >= end) {
                    return false;
                }
                int c1 = b[i + 1] & 0xFF;
                int lo = c == 0xF0 ? 0x90 : 0x80;
                int hi = c == 0xF4 ? 0x8F : 0xBF;
                if (c1 < lo || c1 > hi || !continuation(b[i + 2]) || !continuation(b[i + 3])) {
                    return false;
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
