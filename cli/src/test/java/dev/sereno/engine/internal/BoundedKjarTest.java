package dev.sereno.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleFailureException;
import dev.sereno.engine.RuleSource;
import dev.sereno.json.AdviceJson;
import dev.sereno.json.SituationJson;
import dev.sereno.situation.Situation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled rules bounded at build time (as the CLI's build does, into its jar) are the classes the loader would
 * bound itself, are used only for exactly the classes they were made from, and run under the budget.
 */
class BoundedKjarTest {
    private static final ClassLoader TEST = BoundedKjarTest.class.getClassLoader();

    @TempDir
    Path classes;

    /** A class path with the stored copy (written into {@code classes} as the build does) after the test's own. */
    private ClassLoader withStoredCopy() throws IOException {
        BoundedKjar.main(new String[] {classes.toString()});
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, TEST);
    }

    @Test
    void theStoredCopyIsWhatTheLoaderWouldBoundAndIsFoundForTheSameClasses() throws IOException {
        ClassLoader loader = withStoredCopy();
        PolicyLoader.KjarClasses kjar = PolicyLoader.KjarClasses.find(loader);
        Map<String, byte[]> now = kjar.boundNow();
        Map<String, byte[]> stored = kjar.stored(loader).orElseThrow();
        assertThat(stored.keySet()).containsExactlyElementsOf(now.keySet());
        now.forEach((name, bytes) -> assertThat(stored.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void aCopyMadeFromOtherClassesOrDrlIsNotUsed() throws IOException {
        ClassLoader loader = withStoredCopy();
        PolicyLoader.KjarClasses kjar = PolicyLoader.KjarClasses.find(loader);
        PolicyLoader.KjarClasses fewerClasses = new PolicyLoader.KjarClasses(kjar.container(), kjar.modelNames(),
                kjar.classEntries().subList(1, kjar.classEntries().size()), kjar.drl());
        Map<String, String> otherDrl = new java.util.TreeMap<>(kjar.drl());
        otherDrl.replaceAll((file, text) -> text + "\n// edited\n");
        PolicyLoader.KjarClasses editedDrl = new PolicyLoader.KjarClasses(kjar.container(), kjar.modelNames(),
                kjar.classEntries(), otherDrl);
        assertThat(fewerClasses.stored(loader)).isEmpty();
        assertThat(editedDrl.stored(loader)).isEmpty();
    }

    @Test
    void aDamagedCopyIsIgnored() throws IOException {
        ClassLoader loader = withStoredCopy();
        try (var stored = Files.list(classes.resolve(BoundedKjar.FOLDER))) {
            Path copy = stored.findFirst().orElseThrow();
            byte[] bytes = Files.readAllBytes(copy);
            Files.write(copy, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        }
        assertThat(PolicyLoader.KjarClasses.find(loader).stored(loader)).isEmpty();
    }

    @Test
    void anAdvisorOnTheStoredCopyAdvisesAsTheDefaultOneAndStaysBounded() throws IOException {
        Situation example = new SituationJson().read(Files.readString(Path.of("../examples/situations/contract-example.json")));
        try (Advisor stored = Advisor.builder().rules(RuleSource.classpath(withStoredCopy())).build();
             Advisor plain = Advisor.withDefaultRules()) {
            assertThat(json(stored.advise(example))).isEqualTo(json(plain.advise(example)));
            Evaluator starved = new Evaluator(stored.policy(), Advisor.DEFAULT_MAX_FIRINGS, 1, null);
            assertThatThrownBy(() -> starved.evaluate(example)).isInstanceOfSatisfying(RuleFailureException.class,
                    e -> assertThat(e.kind()).isEqualTo(RuleFailureException.Kind.LOOPED));
        }
    }

    private static String json(dev.sereno.advice.Advice advice) {
        return new AdviceJson().write(advice);
    }

    @Test
    void theFormatReadsBackWhatWasWritten() throws IOException {
        Map<String, byte[]> written = new java.util.LinkedHashMap<>();
        written.put("a.B", new byte[] {1, 2, 3});
        written.put("a.C", new byte[0]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BoundedKjar.write(written, out);
        Files.createDirectories(classes.resolve(BoundedKjar.FOLDER));
        Files.write(classes.resolve(BoundedKjar.FOLDER + "k"), out.toByteArray());
        ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
        Map<String, byte[]> back = BoundedKjar.read(loader, "k").orElseThrow();
        assertThat(back.keySet()).containsExactly("a.B", "a.C");
        assertThat(back.get("a.B")).containsExactly(1, 2, 3);
        assertThat(BoundedKjar.read(loader, "missing")).isEmpty();
    }
}
