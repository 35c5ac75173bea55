package dev.sereno.cli;

import dev.sereno.advice.Advice;
import dev.sereno.engine.Advisor;
import dev.sereno.json.SituationJson;
import dev.sereno.situation.Language;
import dev.sereno.situation.Situation;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs a few bundled conversations (Spanish and English) through the default rules.",
                "Shows the advice as the agent would see it."})
final class DemoCommand implements Callable<Integer> {
    /** Bundled situations ({@code demo/NAME.json}), each with a one-line scene for the reader, in showing order. */
    static final List<String[]> SCENES = List.of(
            new String[] {"phone-liar-es", "Teléfono, cliente enfadado; el borrador llama mentiroso al cliente"},
            new String[] {"chat-perception-en", "Chat, a customer upset about slow service; the draft argues"},
            new String[] {"venting-in-person-es", "En tienda, un cliente furioso aún desahogándose"},
            new String[] {"overdue-promise-es", "Teléfono, el cliente vuelve a llamar: lo prometido ayer no se cumplió"},
            new String[] {"resolved-check-back-en", "Email, a small business whose complaint is resolved: close it well"},
            new String[] {"calm-question-en", "Email, a calm customer with a simple question"});

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENE", arity = "0..*",
            description = "Only these scenes (by name, e.g. overdue-promise-es); all of them when none is given.")
    List<String> only = List.of();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String[]> scenes = new ArrayList<>();
        for (String[] scene : SCENES) {
            if (only.isEmpty() || only.contains(scene[0])) {
                scenes.add(scene);
            }
        }
        if (scenes.size() < Math.max(1, only.size())) {
            spec.commandLine().getErr().println("no such scene; the scenes are: "
                    + String.join(", ", SCENES.stream().map(s -> s[0]).toList()));
            return Main.BAD_INPUT;
        }
        out.println("Sereno demo: " + scenes.size() + " conversation" + (scenes.size() == 1 ? "" : "s")
                + " through the bundled rules, shown as the agent sees them:");
        out.println("whether the draft may go out, what to say, what to do next, and by when.");
        out.println("Your own case: java -jar cli/target/sereno.jar advise --format text situation.json"
                + " (the format is docs/contract.md).");
        out.println();
        SituationJson json = new SituationJson();
        try (Advisor advisor = PolicyLoading.bundled()) {
            int n = 0;
            for (String[] scene : scenes) {
                Situation s = json.read(resource(scene[0]));
                Advice advice = advisor.advise(s);
                out.println("━━ " + ++n + "/" + scenes.size() + " · " + scene[1]);
                out.println(indented(conversation(s)));
                out.println();
                out.println(indented(TextReport.render(advice, s)));
                out.println();
            }
        }
        out.flush();
        return Main.OK;
    }

    /** What the agent has in front of them: the customer's words, the claim, their own draft. */
    static String conversation(Situation s) {
        boolean es = s.locale() == Language.ES;
        StringBuilder sb = new StringBuilder();
        if (s.complaint().customerWords() != null) {
            sb.append(es ? "Cliente: «" : "Customer: «").append(s.complaint().customerWords()).append("»\n");
        }
        if (s.complaint().claim() != null) {
            sb.append(es ? "Reclama: " : "Claim: ").append(s.complaint().claim()).append('\n');
        }
        if (s.draftReply() != null) {
            String agent = s.agent().name() == null ? s.agent().id() : s.agent().name();
            sb.append(es ? "Borrador de " + agent + ": «" : agent + "'s draft: «").append(s.draftReply()).append("»\n");
        } else {
            sb.append(es ? "(sin borrador: la conversación está en curso)\n" : "(no draft yet: the conversation is under way)\n");
        }
        return sb.toString();
    }

    private static String indented(String text) {
        return String.join("\n", text.lines().map(l -> l.isBlank() ? "" : "   " + l).toList());
    }

    static String resource(String name) {
        String path = "demo/" + name + ".json";
        try (InputStream in = DemoCommand.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("bundled demo situation " + path + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
