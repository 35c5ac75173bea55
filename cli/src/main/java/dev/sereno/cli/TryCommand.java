package dev.sereno.cli;

import dev.sereno.text.DraftLanguage;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sereno.advice.Advice;
import dev.sereno.advice.Warning;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.RulesInvalidException;
import dev.sereno.json.SituationJson;
import dev.sereno.situation.Emotion;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Language;
import dev.sereno.situation.Situation;
import dev.sereno.situation.Stage;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "try", mixinStandardHelpOptions = true,
        description = {"The verdict on one draft reply, in one line: whether it may go out.",
                "The words to change are marked. The draft is read in a complaint with nothing else known",
                "(set --emotion and --stage to say more). Exit 0: the draft may go out. 1: it is blocked. 2: bad input."})
final class TryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DRAFT", description = "The draft reply, in quotes.")
    String draft;

    @Option(names = "--locale", paramLabel = "es|en", converter = Languages.class,
            description = "The language the draft is read in and the verdict written in (default en).")
    Language locale = Language.EN;

    @Option(names = "--emotion", paramLabel = "EMOTION", description = "How the customer feels: CALM, UPSET, ANGRY, FURIOUS (default: estimated).")
    Emotion emotion;

    @Option(names = "--stage", paramLabel = "STAGE", description = "The moment of the conversation (default LISTENING).")
    Stage stage = Stage.LISTENING;

    @Option(names = "--explain", description = "For each warning, the rule that gave it, "
            + "where it is written and the conditions that held.")
    boolean explain;

    @Mixin
    PolicyChoice policy;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (draft == null || draft.isBlank()) {
            err.println("DRAFT: give the draft reply to read, in quotes");
            return Main.BAD_INPUT;
        }
        Situation situation;
        try {
            situation = new SituationJson().read(situation().toString());
        } catch (InvalidSituationException e) {
            e.problems().forEach(err::println);
            return Main.BAD_INPUT;
        }
        try (Advisor advisor = policy.advisor()) {
            Advice advice = advisor.advise(situation);
            out.println(render(draft, advice, locale));
            DraftLanguage.otherThan(locale, draft).ifPresent(other -> out.println(DraftLanguage.note(locale, other)));
            if (explain) {
                out.println();
                out.println(Explaining.render(draftOnly(advice), RuleLocations.of(policy.rules, policy.replace), locale));
            }
            return advice.blocksDraft() ? Main.FAILED : Main.OK;
        } catch (PolicyChoice.BadInput e) {
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        } catch (RulesInvalidException e) {
            e.problems().forEach(err::println);
            return Main.FAILED;
        }
    }

    private ObjectNode situation() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode s = f.objectNode();
        s.put("now", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        s.put("locale", locale.code());
        s.putObject("customer").put("id", "TRY");
        s.putObject("agent").put("id", "TRY");
        ObjectNode complaint = s.putObject("complaint");
        complaint.put("id", "TRY").put("stage", stage.name()).put("causeEstablished", true);
        if (emotion != null) {
            complaint.put("emotion", emotion.name());
        }
        s.put("draftReply", draft);
        return s;
    }

    private static Advice draftOnly(Advice a) {
        return new Advice(a.complaint(), a.priority(), a.emotion(), a.policy(), List.of(), a.warnings(), List.of(),
                List.of(), List.of(), List.of());
    }

    /** The draft with each span a warning names marked (✖ blocks, ! cautions), the verdict, then the warnings. */
    static String render(String draft, Advice advice, Language lang) {
        boolean es = lang == Language.ES;
        StringBuilder marked = new StringBuilder(draft);
        List<int[]> spans = new ArrayList<>(); // start, end, blocking
        String lower = draft.toLowerCase(Locale.ROOT);
        for (Warning w : advice.warnings()) {
            if (w.span() == null || w.span().isBlank()) {
                continue;
            }
            int at = lower.indexOf(w.span().toLowerCase(Locale.ROOT));
            boolean overlaps = at >= 0 && spans.stream().anyMatch(s -> at < s[1] && at + w.span().length() > s[0]);
            if (at >= 0 && !overlaps) {
                spans.add(new int[] {at, at + w.span().length(), w.blocking() ? 1 : 0});
            }
        }
        spans.sort(Comparator.comparingInt((int[] s) -> s[0]).reversed());
        for (int[] s : spans) {
            marked.insert(s[1], "]").insert(s[0], s[2] == 1 ? "✖[" : "![");
        }
        StringBuilder sb = new StringBuilder();
        sb.append(es ? "Borrador: " : "Draft: ").append(marked).append('\n');
        if (advice.blocksDraft()) {
            sb.append(es ? "✖ NO LO ENVÍE TAL COMO ESTÁ: cambie lo marcado con ✖" : "✖ DON'T SEND IT AS IT IS: change what is marked ✖");
        } else if (!advice.warnings().isEmpty()) {
            sb.append(es ? "✔ Puede enviarse; tenga en cuenta los avisos" : "✔ It can go out; mind the cautions");
        } else {
            sb.append(es ? "✔ Puede enviarse: nada que cambiar" : "✔ It can go out: nothing to change");
        }
        sb.append('\n');
        for (Warning w : advice.warnings()) {
            sb.append("  ").append(w.blocking() ? "✖ " : "! ");
            if (w.span() != null) {
                sb.append('«').append(w.span()).append("» — ");
            }
            sb.append(w.why() == null ? w.code() : w.why()).append(" [").append(String.join(", ", w.guidance()))
                    .append("]\n");
        }
        return sb.toString().stripTrailing();
    }
}
