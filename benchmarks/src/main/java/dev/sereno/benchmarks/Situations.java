package dev.sereno.benchmarks;

import dev.sereno.json.SituationJson;
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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The situations the benchmarks and the JSON-lines generator feed to the Advisor. */
final class Situations {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    /** Sentences a draft reply is made of: most are harmless, some carry phrases the lists look for. */
    private static final String[] DRAFT_ES = {
        "Buenos días, le escribo en relación con su reclamación sobre el pedido.",
        "Entiendo que esto le haya causado muchas molestias.",
        "Según nuestros registros el paquete salió del almacén el lunes.",
        "Usted miente, tenemos el albarán firmado.",
        "Lamentamos las molestias ocasionadas.",
        "Obviamente le devolvemos el importe si el producto llegó dañado.",
        "No estoy seguro de cuándo llegará el repuesto.",
        "Es la política de la empresa y no podemos hacer otra cosa.",
        "Le propongo cambiar el producto por uno nuevo o repararlo sin coste.",
        "Mañana por la mañana le llamo con el estado de la revisión.",
        "Es culpa del almacén, que no revisó el envío.",
        "¿Puedo ayudarle en algo más?",
    };
    private static final String[] DRAFT_EN = {
        "Good morning, I am writing about your complaint regarding the order.",
        "I understand this has caused you a lot of trouble.",
        "According to our records the parcel left the warehouse on Monday.",
        "You are lying, we have the signed receipt.",
        "We apologise for any inconvenience caused.",
        "Obviously we will refund you if the product arrived damaged.",
        "I am not sure when the spare part will arrive.",
        "It is company policy and there is nothing else we can do.",
        "I can offer to replace the product or repair it at no cost.",
        "I will call you tomorrow morning with the status of the review.",
        "It is the warehouse's fault, they did not check the parcel.",
        "Is there anything else I can help you with?",
    };
    private static final String[] WORDS_ES = {
        "¡Es la tercera vez que llamo y nadie me resuelve nada!",
        "Estoy harto, esto es una vergüenza.",
        "El pedido no ha llegado todavía.",
        "Estoy algo molesto con el retraso.",
        "ES INACEPTABLE, QUIERO UNA SOLUCIÓN YA",
    };
    private static final String[] WORDS_EN = {
        "This is the third time I call and nobody solves anything!",
        "I am fed up, this is a disgrace.",
        "The order has not arrived yet.",
        "I am a bit annoyed about the delay.",
        "THIS IS UNACCEPTABLE, I WANT A SOLUTION NOW",
    };

    private Situations() {
    }

    /** The contract's example situation (docs/contract.md, examples/situations/contract-example.json). */
    static Situation contractExample() {
        try (InputStream in = Situations.class.getResourceAsStream("/situations/contract-example.json")) {
            return new SituationJson().read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The contract's example grown heavy: 50 evidence, 50 promises and a draft reply of 5,000 characters. */
    static Situation heavy() {
        return withItems(contractExample(), 50, 50).toBuilder().draftReply(draft(Language.ES, 5_000, 0)).build();
    }

    /**
     * The contract's example with {@code count} evidence and {@code count} promises, of every kind the rules tell
     * apart (supporting, contradicting, neutral, verified or not; overdue, due soon, undated, kept, without owner).
     */
    static Situation withItems(Situation base, int evidence, int promises) {
        List<Evidence> es = new ArrayList<>(evidence);
        Stance[] stances = Stance.values();
        for (int i = 0; i < evidence; i++) {
            es.add(new Evidence("E-" + i, "RECORD_" + (i % 7), stances[i % stances.length], i % 4 != 0,
                    "Registro número " + i));
        }
        List<Promise> ps = new ArrayList<>(promises);
        for (int i = 0; i < promises; i++) {
            ps.add(promise(i, base.now()));
        }
        return base.toBuilder().evidence(es).promises(ps).build();
    }

    private static Promise promise(int i, Instant now) {
        Instant made = now.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(i));
        switch (i % 5) {
            case 0: // overdue
                return new Promise("P-" + i, "Llamar con el estado " + i, "A-7", made, now.minus(Duration.ofHours(1 + i % 24)), null);
            case 1: // due soon
                return new Promise("P-" + i, "Enviar el justificante " + i, "A-7", made, now.plus(Duration.ofMinutes(30 + i % 60)), null);
            case 2: // undated
                return new Promise("P-" + i, "Revisar la factura " + i, "A-7", made, null, null);
            case 3: // kept
                return new Promise("P-" + i, "Confirmar la devolución " + i, "A-7", made, made.plus(Duration.ofHours(2)),
                        made.plus(Duration.ofHours(1)));
            default: // nobody owns it
                return new Promise("P-" + i, "Avisar del envío " + i, null, made, now.plus(Duration.ofDays(2)), null);
        }
    }

    /** A draft reply of at least {@code length} characters, from the sentences above starting at {@code from}. */
    static String draft(Language language, int length, int from) {
        String[] sentences = language == Language.EN ? DRAFT_EN : DRAFT_ES;
        StringBuilder out = new StringBuilder(length + 100);
        for (int i = from; out.length() < length; i++) {
            out.append(sentences[i % sentences.length]).append(' ');
        }
        return out.substring(0, length).strip();
    }

    /**
     * One of many different situations, for the JSON-lines run: every field drawn from {@code random}, so the
     * lines exercise most rules (and both languages) rather than one path.
     */
    static Situation varied(Random random, String complaintId) {
        Language lang = random.nextInt(3) == 0 ? Language.EN : Language.ES;
        Remedy[] remedies = Remedy.values();
        int past = random.nextInt(6);
        Customer customer = new Customer("C-" + random.nextInt(100_000), pick(random, Segment.values()),
                random.nextInt(15), money(random, 30_000), money(random, 3_000), past,
                past == 0 ? 0 : random.nextInt(past + 1));
        List<Remedy> may = new ArrayList<>(List.of(Remedy.APOLOGY, Remedy.EXPLANATION));
        for (Remedy r : remedies) {
            if (!may.contains(r) && random.nextInt(3) == 0) {
                may.add(r);
            }
        }
        List<Interaction> recent = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            recent.add(new Interaction(NOW.minus(Duration.ofMinutes(10L * i + random.nextInt(10))), pick(random, Emotion.values())));
        }
        Agent agent = new Agent("A-" + random.nextInt(50), random.nextBoolean() ? "Lucía" : null, money(random, 300), may, recent);
        String[] words = lang == Language.EN ? WORDS_EN : WORDS_ES;
        Complaint complaint = Complaint.builder(complaintId)
                .channel(pick(random, Channel.values())).cause(pick(random, Cause.values()))
                .claim("Reclamación del pedido " + random.nextInt(1_000_000)).claimKind(pick(random, ClaimKind.values()))
                .customerWords(words[random.nextInt(words.length)])
                .emotion(random.nextInt(4) == 0 ? null : pick(random, Emotion.values()))
                .stillVenting(random.nextInt(5) == 0).agentInterrupted(random.nextInt(8) == 0)
                .causedByThisAgent(random.nextInt(6) == 0).causeEstablished(random.nextBoolean())
                .paraphrased(random.nextBoolean()).apologized(random.nextBoolean())
                .blocksCustomerBusiness(random.nextInt(6) == 0).raisedBefore(random.nextInt(3))
                .requestedRemedy(random.nextInt(4) == 0 ? null : pick(random, remedies))
                .amount(money(random, 500)).openedAt(NOW.minus(Duration.ofHours(1 + random.nextInt(200))))
                .stage(pick(random, Stage.values()))
                .build();
        List<Option> options = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            boolean available = random.nextInt(3) != 0;
            options.add(new Option(pick(random, remedies), money(random, 400), available,
                    available || random.nextBoolean() ? null : "Fuera de plazo"));
        }
        Situation base = Situation.builder().now(NOW).locale(lang).currency("EUR").customer(customer).agent(agent)
                .complaint(complaint).options(dedupe(options))
                .draftReply(random.nextInt(5) == 0 ? null : draft(lang, 40 + random.nextInt(400), random.nextInt(12)))
                .build();
        return withItems(base, random.nextInt(4), random.nextInt(4));
    }

    /** Options with the same remedy and cost are one option to a host; keep the lines plausible. */
    private static List<Option> dedupe(List<Option> options) {
        List<Option> out = new ArrayList<>();
        for (Option o : options) {
            if (out.stream().noneMatch(x -> x.remedy() == o.remedy())) {
                out.add(o);
            }
        }
        return out;
    }

    private static BigDecimal money(Random random, int max) {
        return BigDecimal.valueOf(random.nextInt(max * 100 + 1), 2);
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
