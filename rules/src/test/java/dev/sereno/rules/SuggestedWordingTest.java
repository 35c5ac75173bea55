package dev.sereno.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.engine.SuggestedWording;
import dev.sereno.rules.support.DefaultPolicy;
import dev.sereno.rules.support.Given;
import dev.sereno.situation.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The words the advice suggests must not break the advice itself: a suggested phrasing ({@code CODE.say}) that promises
 * an outcome the agent cannot guarantee ("lo resuelvo", "resolverlo hoy") creates the false expectation G32 warns
 * about ("evitemos crear falsas expectativas").
 */
class SuggestedWordingTest {
    /** Outcome promises the suggested wording once made, and any like them. */
    private static final List<String> OUTCOME_PROMISES = List.of(
            "lo resuelvo", "resolverlo hoy", "lo corrijo ahora mismo", "hoy mismo", "le garantizo", "sin falta",
            "le prometo", "sort it out today", "put it right and call you to make sure", "i'm correcting it right now",
            "i guarantee", "i promise", "today");

    @ParameterizedTest
    @EnumSource(Language.class)
    void noSuggestedPhrasingPromisesAnOutcome(Language lang) throws IOException {
        List<String> promising = new ArrayList<>();
        for (var e : says(lang)) {
            String folded = e.getValue().toLowerCase(Locale.ROOT);
            OUTCOME_PROMISES.stream().filter(folded::contains).forEach(p -> promising.add(e.getKey() + ": «" + p + "»"));
        }
        assertThat(promising).isEmpty();
    }

    /** Each suggested phrasing, sent as a draft, draws no warning about guarantees (G32). */
    @ParameterizedTest
    @EnumSource(Language.class)
    void noSuggestedPhrasingIsWarnedAsAGuarantee(Language lang) throws IOException {
        List<String> warned = new ArrayList<>();
        for (var e : says(lang)) {
            Advice advice = DefaultPolicy.advise(Given.draft(lang, e.getValue()));
            advice.warnings().stream().filter(w -> w.guidance().contains("G32"))
                    .forEach(w -> warned.add(e.getKey() + ": " + w.code() + " at «" + w.span() + "»"));
        }
        assertThat(warned).isEmpty();
    }

    /**
     * No suggested phrasing sent as the whole reply draws a warning about its words, from the lists or the examples
     * reader: the policy never blocks or cautions against what it tells the agent to say.
     */
    @Test
    void noSuggestedPhrasingDrawsTheDraftReadingsWarnings() {
        assertThat(SuggestedWording.clashes(DefaultPolicy.ADVISOR)).isEmpty();
    }

    /** The check reads the suggestions it should: whole replies of both languages, not stage directions or templates. */
    @Test
    void theCheckReadsTheWholeRepliesOfBothLanguages() throws IOException {
        for (Language lang : Language.values()) {
            long whole = says(lang).stream().filter(e -> !e.getValue().startsWith("(") && !e.getValue().contains("{")
                    && !e.getValue().contains("…")).count();
            assertThat(whole).as("%s suggestions sent as written", lang).isGreaterThan(15);
        }
    }

    private static List<java.util.Map.Entry<String, String>> says(Language lang) throws IOException {
        Properties p = new Properties();
        String name = "/dev/sereno/rules/messages/" + lang.code() + ".properties";
        try (InputStream in = SuggestedWordingTest.class.getResourceAsStream(name);
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        List<java.util.Map.Entry<String, String>> out = new ArrayList<>();
        p.stringPropertyNames().stream().filter(k -> k.endsWith(".say")).sorted()
                .forEach(k -> out.add(java.util.Map.entry(k, p.getProperty(k))));
        assertThat(out).as("suggested phrasings in %s", name).hasSizeGreaterThan(20);
        return out;
    }
}
