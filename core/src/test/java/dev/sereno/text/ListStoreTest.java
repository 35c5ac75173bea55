package dev.sereno.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The stored lists give the lexicon their text gives, and a store that is not exactly theirs is never used. */
class ListStoreTest {
    private static final String PHRASES = """
            # a comment
            [class INSULT]
            idiota   # trailing comment
            <imbécil>
            [CALLS_CUSTOMER_LIAR]
            usted <mentir:2,3>
            es usted un {INSULT}
            ^ you are * lying $
            no me creo {0-3} lo que -- unless: no me creo nada -- unless-after: no digo que
            we'll call you
            [CALLS_CUSTOMER_LIAR unless-after within 8]
            no digo que
            [EVASIVE unless-followed-by]
            lo averiguaré
            [EVASIVE]
            no lo sé -- unless-followed-by: lo miraré -- unless-followed-by: le aviso
            [CALLS_CUSTOMER_LIAR unless]
            lie it flat
            [CALLS_CUSTOMER_LIAR]
            miente*
            no (me|le|nos) lo {0-2} (creo|creemos) -- unless-followed-by: (pero|aunque) lo miramos
            """;
    private static final String WORDS = "[class INSULT]\r\nimbécil\r\n\r\n[class YOU]\nusted\ntú\n";

    private static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("phrases/es.phrases", PHRASES);
        files.put("phrases/es.words", WORDS);
        return files;
    }

    private static Lexicon fromText(Map<String, String> texts) throws IOException {
        Lexicon.Builder b = Lexicon.builder();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            b.add(new StringReader(e.getValue()), e.getKey());
        }
        return b.build();
    }

    /** Every list, class, phrase (words, exceptions, file:line), reach, in the same order. */
    static void assertSame(Lexicon expected, Lexicon actual) {
        assertEquals(new ArrayList<>(expected.lists().keySet()), new ArrayList<>(actual.lists().keySet()));
        assertEquals(new ArrayList<>(expected.classes().keySet()), new ArrayList<>(actual.classes().keySet()));
        assertEquals(expected.lists(), actual.lists());
        assertEquals(expected.classes(), actual.classes());
    }

    @Test
    void storedListsGiveTheLexiconTheirTextGives() throws IOException {
        ListStore store = ListStore.of(ListStore.write(files()));
        assertFalse(store.isEmpty());
        Lexicon.Builder b = Lexicon.builder();
        for (Map.Entry<String, String> e : files().entrySet()) {
            assertTrue(store.addTo(b, e.getKey(), null, e.getValue()));
        }
        Lexicon stored = b.build();
        assertSame(fromText(files()), stored);
        assertEquals(8, stored.list("CALLS_CUSTOMER_LIAR").unlessAfterWithin());
        assertEquals("phrases/es.phrases:9", stored.list("CALLS_CUSTOMER_LIAR").phrases().get(3).unless().get(0).where());
    }

    @Test
    void aFoldersOwnLinesBeforeTheStoredOnesAreReadAndNumberedAsInTheJoinedText() throws IOException {
        ListStore store = ListStore.of(ListStore.write(files()));
        for (String before : List.of("[EVASIVE]\nya veremos\n", "[EVASIVE]\nya veremos", "[EVASIVE]\r\nya veremos\r",
                "[EVASIVE]\r\nya veremos\r\n\r\n", "[NEW_KIND unless-after within 8]\nnunca\n[CALLS_CUSTOMER_LIAR]\nfalso",
                "")) {
            Lexicon.Builder b = Lexicon.builder();
            assertTrue(store.addTo(b, "phrases/es.phrases", before, PHRASES));
            Lexicon joined = fromText(Map.of("phrases/es.phrases", before + "\n" + PHRASES));
            assertSame(joined, b.build());
        }
    }

    @Test
    void theSameProblemsAsTheText() throws IOException {
        ListStore store = ListStore.of(ListStore.write(files()));
        String before = "[CALLS_CUSTOMER_LIAR unless-after within 5]\nno\n";
        LexiconFormatException fromText = assertThrows(LexiconFormatException.class,
                () -> fromText(Map.of("phrases/es.phrases", before + "\n" + PHRASES)));
        LexiconFormatException stored = assertThrows(LexiconFormatException.class,
                () -> store.addTo(Lexicon.builder(), "phrases/es.phrases", before, PHRASES));
        assertEquals(fromText.problems(), stored.problems());

        String broken = "[EVASIVE]\n<roto\n";
        LexiconFormatException brokenText = assertThrows(LexiconFormatException.class,
                () -> fromText(Map.of("phrases/es.phrases", broken + "\n" + PHRASES)));
        LexiconFormatException brokenStored = assertThrows(LexiconFormatException.class,
                () -> store.addTo(Lexicon.builder(), "phrases/es.phrases", broken, PHRASES));
        assertEquals(brokenText.problems(), brokenStored.problems());
    }

    @Test
    void aStaleStoreIsNotUsed() throws IOException {
        ListStore store = ListStore.of(ListStore.write(files()));
        Lexicon.Builder b = Lexicon.builder();
        assertFalse(store.addTo(b, "phrases/es.phrases", null, PHRASES.replace("idiota", "idiotas")));
        assertFalse(store.addTo(b, "phrases/es.phrases", null, PHRASES + "\n"));
        assertFalse(store.addTo(b, "phrases/en.phrases", null, PHRASES));
        assertTrue(b.build().lists().isEmpty(), "nothing added when the store is not used");
        assertTrue(b.build().classes().isEmpty());
    }

    @Test
    void aFileThatCannotBeReadIsNotStored() {
        Map<String, String> files = files();
        files.put("phrases/es.phrases", "no header\n" + PHRASES);
        ListStore store = ListStore.of(ListStore.write(files));
        assertFalse(store.isEmpty());
        assertThrows(LexiconFormatException.class, () -> fromText(Map.of("phrases/es.phrases", files.get("phrases/es.phrases"))));
        assertFalse(uncheckedAdd(store, "phrases/es.phrases", files.get("phrases/es.phrases")));
        assertTrue(uncheckedAdd(store, "phrases/es.words", WORDS));
    }

    @Test
    void aDamagedStoreIsIgnoredNeverThrown() {
        byte[] good = ListStore.write(files());
        Random random = new Random(16);
        for (int k = 0; k < 300; k++) {
            byte[] bad = good.clone();
            bad[random.nextInt(bad.length)] ^= (byte) (1 + random.nextInt(255));
            ListStore store = ListStore.of(bad);
            assertTrue(store.isEmpty(), "a damaged store is not used");
        }
        for (int length : new int[] {0, 3, 24, good.length / 2, good.length - 1}) {
            assertTrue(ListStore.of(Arrays.copyOf(good, length)).isEmpty());
        }
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        assertTrue(ListStore.of(noise).isEmpty());
    }

    @Test
    void lineBreaksAreCountedAsAReaderCountsLines() {
        assertEquals(0, ListStore.lineBreaks(""));
        assertEquals(2, ListStore.lineBreaks("a\nb\n"));
        assertEquals(2, ListStore.lineBreaks("a\r\nb\r\n"));
        assertEquals(3, ListStore.lineBreaks("a\r\rb\n"));
    }

    private static boolean uncheckedAdd(ListStore store, String path, String text) {
        try {
            return store.addTo(Lexicon.builder(), path, null, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
