package dev.sereno.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sereno.advice.Warning;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.ExamplesReader;
import dev.sereno.policy.Finding;
import dev.sereno.rules.support.Given;
import dev.sereno.situation.Language;
import dev.sereno.text.Examples;
import dev.sereno.text.Folding;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled policy's example drafts (examples/xx.examples) and the reader that learns from them (issue 11): they
 * read, they teach every kind, the reader's findings reach the bundled rules, and no example is a held-out or fresh
 * corpus draft (the corpus must keep measuring wording nobody learned from).
 */
class BundledExamplesTest {
    private static final List<String> KINDS = List.of("BLAMES_CUSTOMER", "DOUBTS_CUSTOMER", "INFLEXIBLE",
            "INSULTS_CUSTOMER", "MAKES_EXCUSES", "PASSES_CUSTOMER_ON", "UNTIMED_COMMITMENT");
    private static ExamplesReader reader;

    @BeforeAll
    static void train() {
        reader = ExamplesReader.bundled();
    }

    @Test
    void eachLanguageLearnsEveryKindFromThousandsOfExamples() {
        for (Language language : Language.values()) {
            assertThat(reader.model(language).kinds()).as(language.code()).containsExactlyElementsOf(KINDS);
            assertThat(reader.model(language).trainedOn()).as(language.code()).isGreaterThan(4_000);
        }
    }

    @Test
    void blameToldAsAStoryIsFoundAndItsGoodTwinIsNot() {
        assertThat(reader.read("Mire, el router lo desenchufó usted mismo, así que el corte es cosa suya.", Language.ES))
                .extracting(Finding::kind, Finding::source).containsExactly(Tuple.tuple("BLAMES_CUSTOMER", "examples"));
        assertThat(reader.read("Nosotros desenchufamos el router por error, así que el corte es cosa nuestra.",
                Language.ES)).isEmpty();
        // "…which is why the courier could not deliver it" is on the edge: 0.9990 against 0.9981 with the model of
        // rate 0.5, 0.870 against 0.875 since the words after "not" are learned apart ("could not deliver" is an
        // excuse in the examples); the rules still block it (below). The same story with its outcome not negated:
        assertThat(reader.read("You left the door open, which is why the courier took the parcel back.", Language.EN))
                .extracting(Finding::kind).containsExactly("BLAMES_CUSTOMER");
        assertThat(reader.read("We unplugged the router by mistake, so the outage is on us. I will call you at 10.",
                Language.EN)).isEmpty();
    }

    @Test
    void theBundledRulesBlockWhatTheReaderFinds() {
        try (Advisor advisor = Advisor.builder().reader(reader, Duration.ofSeconds(5)).build()) {
            List<Warning> warnings = advisor.advise(Given.draft(Language.EN,
                    "You left the door open, which is why the courier could not deliver it.")).warnings();
            assertThat(warnings).filteredOn(w -> w.code().equals("BLAMES_CUSTOMER"))
                    .singleElement().satisfies(w -> assertThat(w.blocking()).isTrue());
        }
    }

    @Test
    void noExampleReadsAsAHeldOutOrFreshCorpusDraft() throws IOException {
        Set<String> closed = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (Path dir : List.of(Path.of("..", "corpus", "drafts"), Path.of("..", "corpus", "fresh", "drafts"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                    boolean fresh = dir.toString().contains("fresh");
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        if (line.isBlank()) {
                            continue;
                        }
                        JsonNode n = json.readTree(line);
                        if (fresh || "heldout".equals(n.path("split").asText())) {
                            closed.add(key(n.get("draft").asText()));
                        }
                    }
                }
            }
        }
        assertThat(closed).hasSizeGreaterThan(1_000);
        for (String code : List.of("es", "en")) {
            try (InputStream in = BundledExamplesTest.class.getResourceAsStream("/dev/sereno/rules/examples/" + code + ".examples")) {
                List<Examples.Line> lines = Examples.read(new InputStreamReader(in, StandardCharsets.UTF_8), code + ".examples");
                // names the line, never the draft: held-out drafts are not to be read
                assertThat(lines).filteredOn(l -> closed.contains(key(l.text()))).extracting(Examples.Line::where).isEmpty();
            }
        }
    }

    private static String key(String text) {
        return Folding.fold(text).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
