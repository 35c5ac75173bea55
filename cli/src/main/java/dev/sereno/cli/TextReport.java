package dev.sereno.cli;

import dev.sereno.advice.Advice;
import dev.sereno.advice.EscalationTarget;
import dev.sereno.advice.Priority;
import dev.sereno.advice.Recommendation;
import dev.sereno.advice.Warning;
import dev.sereno.situation.Emotion;
import dev.sereno.situation.Language;
import dev.sereno.situation.Situation;
import dev.sereno.situation.Stage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Advice laid out for the agent who reads it: first whether the draft may go out and what in it to change, then
 * what to do and how to say it, grouped by the moment of the conversation, then who to ask for support, then
 * deadlines (with how long is left), and last what is for the records. Codes are left out where a sentence says it
 * better; every item keeps its guidance ids, so it can be traced to the policy.
 *
 * <p>This is the agent's view, so it never shows a review for management: whether to keep a costly customer (G54) is
 * decided on figures by management, "never by the agent mid-conversation", and the figures must not colour how the
 * agent serves the customer today. The reviews stay in the JSON advice ({@code reviews}) for a host to route to its
 * management channel.
 */
final class TextReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** The words of the layout in one language. */
    private record Words(String complaint, String priority, String emotion, String estimated, String blocked,
                         String cautions, String clear, String warnings, String recommendations, String say,
                         String escalations, String followUps, String in, String overdueBy, String records, Map<Priority, String> priorities, Map<Emotion, String> emotions,
                         Map<Stage, String> phases, Map<EscalationTarget, String> targets) {
    }

    private static final Map<Language, Words> WORDS = Map.of(
            Language.ES, new Words("Queja", "prioridad", "emoción", " (estimada por sus palabras)",
                    "✖ NO ENVÍE EL BORRADOR TAL COMO ESTÁ: cambie lo marcado con ✖",
                    "✔ El borrador puede enviarse; tenga en cuenta los avisos", "✔ El borrador puede enviarse",
                    "ANTES DE ENVIAR", "QUÉ HACER Y CÓMO DECIRLO", "Diga, con sus palabras", "PEDIR APOYO",
                    "SEGUIMIENTOS", "dentro de", "vencido hace", "PARA REGISTRAR",
                    enumMap(Priority.class, "baja", "normal", "ALTA", "URGENTE"),
                    enumMap(Emotion.class, "tranquilo", "molesto", "enfadado", "furioso"),
                    enumMap(Stage.class, "Al empezar", "Mientras se desahoga", "Mientras escucha", "Al buscar la solución",
                            "Al cerrar", "Una vez resuelta", "Una vez rechazada"),
                    enumMap(EscalationTarget.class, "Supervisor", "Responsable")),
            Language.EN, new Words("Complaint", "priority", "emotion", " (estimated from their words)",
                    "✖ DON'T SEND THE DRAFT AS IT IS: change what is marked ✖",
                    "✔ The draft can go out; mind the cautions", "✔ The draft can go out",
                    "BEFORE YOU SEND", "WHAT TO DO AND HOW TO SAY IT", "Say, in your own words", "ASK FOR SUPPORT",
                    "FOLLOW-UPS", "in", "overdue by", "TO RECORD",
                    enumMap(Priority.class, "low", "normal", "HIGH", "URGENT"),
                    enumMap(Emotion.class, "calm", "upset", "angry", "furious"),
                    enumMap(Stage.class, "Opening", "While they vent", "While listening", "Finding the solution",
                            "Closing", "Once resolved", "Once rejected"),
                    enumMap(EscalationTarget.class, "Supervisor", "Manager")));

    private TextReport() {
    }

    /** The report without the situation: no verdict on a draft it cannot see, deadlines as plain times. */
    static String render(Advice a, Language lang) {
        return render(a, lang, null, false);
    }

    /** The report for the agent handling {@code situation}: with a verdict on its draft and time left to deadlines. */
    static String render(Advice a, Situation situation) {
        return render(a, situation.locale(), situation.now(), situation.draftReply() != null);
    }

    private static String render(Advice a, Language lang, Instant now, boolean hasDraft) {
        Words w = WORDS.get(lang);
        StringBuilder sb = new StringBuilder();
        sb.append(w.complaint()).append(' ').append(a.complaint()).append(" · ").append(w.priority()).append(' ')
                .append(w.priorities().get(a.priority()));
        if (a.emotion() != null) {
            sb.append(" · ").append(w.emotion()).append(' ').append(w.emotions().get(a.emotion().level()))
                    .append(a.emotion().estimated() ? w.estimated() : "");
        }
        sb.append('\n');
        if (a.blocksDraft()) {
            sb.append(w.blocked()).append('\n');
        } else if (hasDraft) {
            sb.append(a.warnings().isEmpty() ? w.clear() : w.cautions()).append('\n');
        }

        section(sb, w.warnings(), a.warnings(), (x, out) -> {
            out.append("  ").append(x.blocking() ? "✖ " : "! ");
            if (x.span() != null) {
                out.append('«').append(x.span()).append("» — ");
            }
            out.append(x.why() == null ? x.code() : x.why());
            guidance(out, x.guidance());
        });
        recommendations(sb, w, a.recommendations());
        section(sb, w.escalations(), a.escalations(), (e, out) -> {
            out.append("  ↑ ").append(w.targets().get(e.to())).append(": ").append(e.why() == null ? e.code() : e.why());
            guidance(out, e.guidance());
            say(out, w, e.say());
        });
        section(sb, w.followUps(), a.followUps(), (f, out) -> {
            out.append("  ⏰ ").append(TIME.format(f.due()));
            if (now != null) {
                out.append(" (").append(f.due().isBefore(now) ? w.overdueBy() : w.in()).append(' ')
                        .append(span(Duration.between(now, f.due()).abs())).append(')');
            }
            out.append(" — ").append(f.what() == null ? f.code() : f.what());
            guidance(out, f.guidance());
        });
        section(sb, w.records(), a.records(), (r, out) -> {
            out.append("  ◇ ").append(r.kind()).append(r.cause() == null ? "" : ": " + r.cause());
            guidance(out, r.guidance());
        });
        return sb.toString().stripTrailing();
    }

    /** What to do, under a heading for each moment of the conversation, in the order the rules ranked them. */
    private static void recommendations(StringBuilder sb, Words w, List<Recommendation> all) {
        if (all.isEmpty()) {
            return;
        }
        sb.append('\n').append(w.recommendations()).append('\n');
        for (Stage phase : Stage.values()) {
            List<Recommendation> now = all.stream().filter(r -> r.phase() == phase).toList();
            if (now.isEmpty()) {
                continue;
            }
            sb.append("  ").append(w.phases().get(phase)).append('\n');
            for (Recommendation r : now) {
                sb.append("  • ").append(r.why() == null ? r.action() : r.why());
                guidance(sb, r.guidance());
                say(sb, w, r.say());
                sb.append('\n');
            }
        }
    }

    private interface Item<T> {
        void write(T item, StringBuilder out);
    }

    private static <T> void section(StringBuilder sb, String title, List<T> items, Item<T> each) {
        if (items.isEmpty()) {
            return;
        }
        sb.append('\n').append(title).append('\n');
        for (T item : items) {
            each.write(item, sb);
            sb.append('\n');
        }
    }

    private static void say(StringBuilder out, Words w, String text) {
        if (text != null) {
            out.append("\n      ").append(w.say()).append(": «").append(text).append('»');
        }
    }

    private static void guidance(StringBuilder out, List<String> ids) {
        out.append("  (").append(String.join(", ", ids)).append(')');
    }

    /** "45 min", "2 h", "3 d": precise enough for a deadline read at a glance. */
    static String span(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = Math.round(minutes / 60.0);
        return hours < 48 ? hours + " h" : Math.round(hours / 24.0) + " d";
    }

    private static <E extends Enum<E>> Map<E, String> enumMap(Class<E> type, String... names) {
        E[] values = type.getEnumConstants();
        if (values.length != names.length) {
            throw new IllegalStateException(type.getSimpleName() + " has " + values.length + " values, " + names.length + " names");
        }
        Map<E, String> out = new EnumMap<>(type);
        for (int i = 0; i < values.length; i++) {
            out.put(values[i], names[i]);
        }
        return Map.copyOf(out);
    }
}
