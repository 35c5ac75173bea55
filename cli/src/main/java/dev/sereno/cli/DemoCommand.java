package dev.sereno.cli;

import dev.sereno.advice.Advice;
import dev.sereno.engine.Advisor;
import dev.sereno.json.SituationJson;
import dev.sereno.situation.Situation;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs a few bundled conversations (Spanish and English) through the default rules and shows the advice.")
final class DemoCommand implements Callable<Integer> {
    /** Bundled situations, each with a one-line scene for the reader. */
    static final List<String[]> SCENES = List.of(
            new String[] {"phone-liar-es", "Teléfono, cliente enfadado; el borrador llama mentiroso al cliente"},
            new String[] {"chat-perception-en", "Chat, a customer upset about slow service; the draft argues"},
            new String[] {"venting-in-person-es", "En tienda, un cliente furioso aún desahogándose"},
            new String[] {"calm-question-en", "Email, a calm customer with a simple question"});

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SituationJson json = new SituationJson();
        try (Advisor advisor = Advisor.withDefaultRules()) {
            for (String[] scene : SCENES) {
                Situation s = json.read(resource(scene[0]));
                Advice advice = advisor.advise(s);
                out.println("══ " + scene[1]);
                if (s.draftReply() != null) {
                    out.println("   draft: \"" + s.draftReply() + "\"");
                }
                out.println();
                out.println(TextReport.render(advice, s.locale()).indent(3).stripTrailing());
                out.println();
            }
        }
        out.flush();
        return Main.OK;
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
