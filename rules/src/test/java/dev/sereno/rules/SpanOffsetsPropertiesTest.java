package dev.sereno.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.advice.Commitment;
import dev.sereno.advice.Warning;
import dev.sereno.rules.support.DefaultPolicy;
import dev.sereno.rules.support.Given;
import dev.sereno.situation.Language;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every span the advice names is where its offsets say: {@code draftReply.substring(start, end)} equals {@code span}
 * for any draft, emoji and other characters outside the basic plane included (offsets count UTF-16 units).
 */
class SpanOffsetsPropertiesTest {
    private static final List<String> PIECES = List.of("Usted miente", "You're lying", "le llamo mañana a las 10",
            "le llamaremos", "en cuanto sepamos algo", "We'll be in touch", "I'll call you back by noon",
            "antes del viernes le confirmamos la fecha", "Le garantizo que", "No se puede", "Es la política de la empresa",
            "as soon as I hear", "Eso no es cierto", "😀", "👍🏽", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ñandú", "¡", "¿", ". ", ", ", " ", "\n", "á",
            "e\u0301", "\u200d", "🇪🇸");

    @Provide
    Arbitrary<String> drafts() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(PIECES),
                Arbitraries.strings().withCharRange('\u0020', '\u024f').ofMaxLength(6),
                Arbitraries.strings().withCharRange('\ud83d', '\ud83d').ofLength(0));
        return piece.list().ofMinSize(1).ofMaxSize(12).map(l -> String.join("", l)).filter(d -> !d.isBlank());
    }

    @Property(tries = 300)
    void everySpanIsWhereItsOffsetsSay(@ForAll("drafts") String draft, @ForAll Language lang) {
        Advice a = DefaultPolicy.advise(Given.situation().locale(lang).zone(ZoneId.of("Europe/Madrid"))
                .draftReply(draft).build());
        for (Warning w : a.warnings()) {
            if (w.span() != null) {
                assertThat(w.hasOffsets()).isTrue();
                assertThat(draft.substring(w.start(), w.end())).isEqualTo(w.span());
            }
        }
        for (Commitment c : a.commitments()) {
            assertThat(draft.substring(c.start(), c.end())).isEqualTo(c.span());
        }
    }
}
