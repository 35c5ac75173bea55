package dev.sereno.benchmarks;

import dev.sereno.engine.Advisor;
import dev.sereno.policy.Finding;
import dev.sereno.situation.Language;
import dev.sereno.text.Lexicon;
import dev.sereno.text.Morphology;
import dev.sereno.text.PhraseFinder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading one 1,000-character draft with the bundled phrase lists and word classes (insults, profanity, doubt,
 * blame, excuses…), dictionary words already expanded: what draft reading adds to every call with a draft. The
 * drafts mix polite text with offending phrases, accents, emoji and quotations, in Spanish and in English.
 * {@code lists=grown} reads them with every list a third longer (each third phrase again with one more word, so that
 * the new phrases share the first words, and the index entries, of the old ones): the lists grow as they are tuned,
 * and reading must not slow down with them.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class DraftReadingBenchmark {
    static final String ES = "Buenos días, don Ernesto. Entiendo perfectamente su enfado y le pido disculpas por "
            + "lo ocurrido con la visita del jueves 😔. He revisado su caso con detalle: según nuestros registros el "
            + "técnico marcó la visita como realizada, pero sinceramente me cuesta creer que no hubiera nadie en casa, "
            + "y es que si usted hubiera confirmado la cita por la app no estaríamos así. Le dijeron que «la culpa era "
            + "suya», y no es así. Es que esta semana estamos desbordados y el sistema se cayó el martes, así que le "
            + "pido que hable con logística en el 900 123 456. No diga tonterías: nadie le está mintiendo. Le llamo "
            + "mañana a las 10 con la nueva fecha, o si lo prefiere le abonamos 40 euros en la próxima factura. "
            + "Gracias por su paciencia y por contárnoslo con tanto detalle, nos ayuda a que no se repita. Un saludo "
            + "cordial, Marta, del equipo de atención al cliente, que queda a su disposición para lo que necesite, hoy o cualquier otro día de esta semana, como siempre. Reciba un cordial saludo de todo el equipo de Sereno.";
    static final String EN = "Good morning Mr Evans. I completely understand why you're upset and I'm sorry "
            + "about Thursday's visit 😔. I've looked into your case in detail: our records show the engineer marked "
            + "the visit as done, but honestly I find it hard to believe nobody was home, and if you had confirmed the "
            + "slot in the app we wouldn't be here. You were told 'it was your fault', and that isn't right. We're "
            + "swamped this week and the system went down on Tuesday, so you'll need to call the logistics team on "
            + "0800 555 0199. Don't talk nonsense: nobody is lying to you. I'll call you tomorrow at 10 with a new "
            + "date, or if you prefer we can credit £40 to your next bill. Thanks for your patience and for telling "
            + "us in such detail, it helps us stop it happening again. Kind regards, Sam, from the customer team, "
            + "who remains at your disposal for anything else you need today or any day this week, as always. Warm "
            + "regards from all of us here at the customer team, and thank you very much once again for your patience and kindness.";

    @Param({"es", "en"})
    public String language;

    @Param({"bundled", "grown"})
    public String lists;

    private PhraseFinder finder;
    private String draft;

    @Setup(Level.Trial)
    public void setUp() {
        Language l = Language.valueOf(language.toUpperCase(java.util.Locale.ROOT));
        try (Advisor advisor = Advisor.withDefaultRules()) {
            Lexicon lexicon = advisor.policy().lexicon(l);
            if (lists.equals("grown")) {
                lexicon = grownByAThird(lexicon);
            }
            finder = new PhraseFinder(lexicon, Morphology.forLanguage(language).orElseThrow());
        }
        String text = language.equals("es") ? ES : EN;
        if (text.length() < 1000) {
            throw new IllegalStateException("the " + language + " draft has " + text.length() + " characters, not 1,000");
        }
        draft = text.substring(0, 1000);
    }

    /** The lexicon with each third phrase of every list again, one word longer: a third more phrases. */
    static Lexicon grownByAThird(Lexicon lexicon) {
        StringBuilder text = new StringBuilder();
        lexicon.classes().forEach((name, entries) -> {
            text.append("[class ").append(name).append("]\n");
            entries.forEach(p -> text.append(p.text()).append('\n'));
        });
        lexicon.lists().forEach((kind, list) -> {
            text.append('[').append(kind).append("]\n");
            for (int i = 0; i < list.phrases().size(); i++) {
                text.append(list.phrases().get(i).text()).append('\n');
                if (i % 3 == 0) {
                    // one word more on the phrase itself, before any exceptions of its line ("-- unless: …")
                    String line = list.phrases().get(i).text();
                    text.append(longer(line)).append('\n');
                }
            }
            section(text, kind + " unless-after" + (list.unlessAfterWithin() == dev.sereno.text.PhraseList.DEFAULT_WITHIN
                    ? "" : " within " + list.unlessAfterWithin()), list.unlessAfter());
            section(text, kind + " unless-followed-by", list.unlessFollowedBy());
            section(text, kind + " unless", list.unless());
        });
        try {
            return Lexicon.read(new java.io.StringReader(text.toString()), "grown");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The phrase of a line with one word more, before a closing $ and before the line's exceptions ("-- unless: …"). */
    static String longer(String line) {
        int exceptions = line.indexOf("--");
        String phrase = (exceptions < 0 ? line : line.substring(0, exceptions)).strip();
        String rest = exceptions < 0 ? "" : " " + line.substring(exceptions);
        return (phrase.endsWith(" $") ? phrase.substring(0, phrase.length() - 2) + " zzgrown $" : phrase + " zzgrown")
                + rest;
    }

    private static void section(StringBuilder text, String header, List<dev.sereno.text.Phrase> phrases) {
        if (!phrases.isEmpty()) {
            text.append('[').append(header).append("]\n");
            phrases.forEach(p -> text.append(p.text()).append('\n'));
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Finding> read1000Characters() {
        return finder.find(draft);
    }
}
