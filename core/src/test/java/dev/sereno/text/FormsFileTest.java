package dev.sereno.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The stored forms read back as they were written, and damaged ones are not read at all. */
class FormsFileTest {
    private static Map<String, Set<String>> forms() {
        Map<String, Set<String>> forms = new TreeMap<>();
        forms.put("mentir", Set.of("mentir", "miente", "mintio", "mintiendole", "mentirle"));
        forms.put("mentir:2,3", Set.of("mientes", "miente"));
        forms.put("año", Set.of("año", "años"));
        return forms;
    }

    @Test
    void storedFormsReadBackTheSame() {
        Map<String, Set<String>> read = new HashMap<>();
        assertTrue(FormsFile.read(FormsFile.store(forms()), read));
        assertEquals(forms(), read);
    }

    @Test
    void damagedFormsAreNotRead() {
        byte[] good = FormsFile.store(forms());
        Random random = new Random(11);
        for (int k = 0; k < 200; k++) {
            byte[] bad = good.clone();
            bad[random.nextInt(bad.length)] ^= (byte) (1 + random.nextInt(255));
            Map<String, Set<String>> read = new HashMap<>();
            assertFalse(FormsFile.read(bad, read));
            assertTrue(read.isEmpty());
        }
        assertFalse(FormsFile.read(java.util.Arrays.copyOf(good, good.length - 1), new HashMap<>()));
        assertFalse(FormsFile.read(new byte[3], new HashMap<>()));
    }
}
