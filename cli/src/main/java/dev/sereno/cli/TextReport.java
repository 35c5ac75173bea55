package dev.sereno.cli;

import dev.sereno.advice.Advice;
import dev.sereno.situation.Language;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Advice laid out for the agent who reads it: warnings first, then what to say and do, then deadlines. */
final class TextReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final Map<Language, Map<String, String>> LABELS = Map.of(
            Language.ES, Map.of("complaint", "Queja", "priority", "prioridad", "emotion", "emoción",
                    "estimated", " (estimada por sus palabras)", "warnings", "ANTES DE ENVIAR",
                    "recommendations", "QUÉ HACER Y CÓMO DECIRLO", "escalations", "PEDIR APOYO",
                    "followUps", "SEGUIMIENTOS", "reviews", "PARA LA DIRECCIÓN", "records", "PARA REGISTRAR"),
            Language.EN, Map.of("complaint", "Complaint", "priority", "priority", "emotion", "emotion",
                    "estimated", " (estimated from their words)", "warnings", "BEFORE YOU SEND",
                    "recommendations", "WHAT TO DO AND HOW TO SAY IT", "escalations", "ASK FOR SUPPORT",
                    "followUps", "FOLLOW-UPS", "reviews", "FOR MANAGEMENT", "records", "TO RECORD"));

    private TextReport() {
    }

    static String render(Advice a, Language lang) {
        Map<String, String> l = LABELS.get(lang);
        StringBuilder sb = new StringBuilder();
        sb.append(l.get("complaint")).append(' ').append(a.complaint()).append(" · ").append(l.get("priority"))
                .append(' ').append(a.priority());
        if (a.emotion() != null) {
            sb.append(" · ").append(l.get("emotion")).append(' ').append(a.emotion().level())
                    .append(a.emotion().estimated() ? l.get("estimated") : "");
        }
        sb.append('\n');
        section(sb, l.get("warnings"), a.warnings(), (w, out) -> {
            out.append("  ").append(w.blocking() ? "✖ " : "! ").append(w.code());
            if (w.span() != null) {
                out.append(": «").append(w.span()).append('»');
            }
            line(out, w.why());
            guidance(out, w.guidance());
        });
        section(sb, l.get("recommendations"), a.recommendations(), (r, out) -> {
            out.append("  • ").append(r.action()).append(" [").append(r.phase()).append(']');
            if (r.say() != null) {
                out.append("\n      «").append(r.say()).append('»');
            }
            line(out, r.why());
            guidance(out, r.guidance());
        });
        section(sb, l.get("escalations"), a.escalations(), (e, out) -> {
            out.append("  ↑ ").append(e.to()).append(": ").append(e.code());
            if (e.say() != null) {
                out.append("\n      «").append(e.say()).append('»');
            }
            line(out, e.why());
            guidance(out, e.guidance());
        });
        section(sb, l.get("followUps"), a.followUps(), (f, out) -> {
            out.append("  ⏰ ").append(TIME.format(f.due())).append(" — ").append(f.what() == null ? f.code() : f.what());
            guidance(out, f.guidance());
        });
        section(sb, l.get("reviews"), a.reviews(), (r, out) -> {
            out.append("  ◆ ").append(r.kind());
            line(out, r.why());
            guidance(out, r.guidance());
        });
        section(sb, l.get("records"), a.records(), (r, out) -> {
            out.append("  ◇ ").append(r.kind()).append(r.cause() == null ? "" : ": " + r.cause());
            guidance(out, r.guidance());
        });
        return sb.toString().stripTrailing();
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

    private static void line(StringBuilder out, String text) {
        if (text != null) {
            out.append("\n      ").append(text);
        }
    }

    private static void guidance(StringBuilder out, List<String> ids) {
        out.append("  (").append(String.join(", ", ids)).append(')');
    }

}
