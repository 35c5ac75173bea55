package dev.sereno.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sereno.policy.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A finder read from its store finds what the finder built from the same lists finds, with every element of the
 * pattern language (the bundled lists use only some); a store of other text or damaged is not used.
 */
class FinderStoreTest {
    private static final String SPELLINGS = """
            [shorthand]
            xq = porque
            ud = usted
            [stretched]
            min-run = 3
            [masked]
            classes = INSULT
            * = any
            0 = o
            """;
    private static final String PHRASES = """
            [class NEGACION]
            no
            nunca
            [class REPORTED_SPEECH]
            me dijo que
            [LIAR]
            usted {0-2 -NEGACION -pero} miente
            usted <mentir:3>
            es usted un {INSULT}
            ^ usted exagera $
            no me creo {0-3} lo que -- unless: no me creo nada -- unless-after: no digo que
            miente*
            {YO} {1-2} culpa
            un * mentiroso
            {INSULT} de {0-1} cliente
            [LIAR unless-after within 4]
            no digo que
            [EVASIVE unless-followed-by]
            lo averiguaré
            [EVASIVE]
            no lo sé -- unless-followed-by: lo miraré
            ya veremos
            [LIAR unless]
            miente usted bien
            """;
    private static final String WORDS = """
            [class INSULT]
            idiota
            imbécil
            inútil
            [class YO]
            yo
            la {0-1} mía
            """;
    private static final List<String> TEXTS = List.of(
            "Usted miente, y usted no miente, y usted, pero sí, miente.",
            "Ud miente, xq es usted un idiota. Es usted un id10ta, un imb*cil.",
            "Usted exagera. Dice que usted exagera mucho.",
            "No me creo nada de lo que dice. No me creo todo lo que dice.",
            "No digo que usted mintió. Usted mintió. Usted mentía.",
            "Mientes mucho, mienteeee. Es un mentiroso. Un inútil de cliente, un inútil de mi cliente.",
            "Yo tengo la culpa, la mía es la culpa.",
            "No lo sé. No lo sé, lo miraré. Ya veremos, lo averiguaré.",
            "Me dijo que \"usted miente\" y se fue. Miente usted bien.",
            "");

    private static Map<String, String> texts(String phrases) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("phrases/es.spellings", SPELLINGS);
        texts.put("phrases/es.phrases", phrases);
        texts.put("phrases/es.words", WORDS);
        return texts;
    }

    @Test
    void theStoredFinderFindsWhatTheBuiltOneFinds() {
        Morphology morphology = Morphology.forLanguage("es").orElse(null);
        Map<String, String> texts = texts(PHRASES);
        Lexicon lexicon = FinderStore.lexicon(texts);
        byte[] stored = FinderStore.write(texts, morphology);
        assertNotNull(stored);
        PhraseFinder read = FinderStore.of(stored, texts, lexicon.spellings(), morphology);
        assertNotNull(read);
        PhraseFinder built = new PhraseFinder(lexicon, morphology);
        int findings = 0;
        for (String text : TEXTS) {
            List<Finding> expected = built.find(text);
            assertEquals(expected, read.find(text), text);
            findings += expected.size();
        }
        assertTrue(findings >= 12, findings + " findings");
        assertEquals(built.indexedWords(), read.indexedWords());
    }

    @Test
    void aStoreOfOtherTextOrDamagedIsNotUsed() {
        Morphology morphology = Morphology.forLanguage("es").orElse(null);
        Map<String, String> texts = texts(PHRASES);
        Lexicon lexicon = FinderStore.lexicon(texts);
        byte[] stored = FinderStore.write(texts, morphology);
        Map<String, String> other = texts(PHRASES + "usted inventa\n");
        assertNull(FinderStore.of(stored, other, FinderStore.lexicon(other).spellings(), morphology));
        Map<String, String> fewer = texts(PHRASES);
        fewer.remove("phrases/es.spellings");
        assertNull(FinderStore.of(stored, fewer, FinderStore.lexicon(fewer).spellings(), morphology));
        for (int at : new int[] {5, 40, stored.length / 2, stored.length - 2}) {
            byte[] damaged = stored.clone();
            damaged[at] ^= 0x10;
            assertNull(FinderStore.of(damaged, texts, lexicon.spellings(), morphology), "damaged at " + at);
        }
        assertNull(FinderStore.of(java.util.Arrays.copyOf(stored, stored.length - 9), texts, lexicon.spellings(), morphology));
        assertNull(FinderStore.of(new byte[0], texts, lexicon.spellings(), morphology));
        assertNotNull(FinderStore.of(stored, texts, lexicon.spellings(), morphology));
    }

    @Test
    void listsThatDoNotBuildAreNotStored() {
        assertNull(FinderStore.write(texts("[LIAR]\nusted {NO_SUCH_CLASS}\n"), null));
    }
}
