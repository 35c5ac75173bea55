package dev.sereno.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sereno.advice.Advice;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleSource;
import dev.sereno.json.SituationJson;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Situation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerenoMetricsTest {
    private static final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private static Advisor advisor;
    private static Situation liar;

    @BeforeAll
    static void build() throws IOException {
        advisor = Advisor.builder().listener(new SerenoMetrics(registry)).build();
        try (InputStream in = SerenoMetricsTest.class.getResourceAsStream("/phone-liar-es.json")) {
            liar = new SituationJson().read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void close() {
        advisor.close();
    }

    private static double advised(String outcome, String blocked) {
        var timer = registry.find(SerenoMetrics.ADVISE).tag("outcome", outcome).tag("blocked", blocked).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void times_each_call_by_outcome_and_whether_the_draft_is_blocked() {
        double blockedBefore = advised("ok", "yes");
        double clearBefore = advised("ok", "no");

        advisor.advise(liar);
        advisor.advise(liar.toBuilder().draftReply("Entiendo su malestar; lo reviso ahora mismo.").build());

        assertThat(advised("ok", "yes")).isEqualTo(blockedBefore + 1);
        assertThat(advised("ok", "no")).isEqualTo(clearBefore + 1);
    }

    @Test
    void an_invalid_situation_is_timed_as_invalid() {
        double before = advised("invalid", "no");

        assertThatThrownBy(() -> advisor.advise(liar.toBuilder().currency("euros").build()))
                .isInstanceOf(InvalidSituationException.class);

        assertThat(advised("invalid", "no")).isEqualTo(before + 1);
    }

    @Test
    void counts_advice_items_by_kind_and_guidance_id() {
        var counter = registry.find(SerenoMetrics.ITEMS).tag("kind", "warning").tag("guidance", "G18");
        double before = counter.counter() == null ? 0 : counter.counter().count();

        Advice advice = advisor.advise(liar);

        long g18Warnings = advice.warnings().stream().filter(w -> w.guidance().contains("G18")).count();
        assertThat(g18Warnings).isPositive();
        assertThat(registry.find(SerenoMetrics.ITEMS).tag("kind", "warning").tag("guidance", "G18").counter().count())
                .isEqualTo(before + g18Warnings);
        assertThat(registry.find(SerenoMetrics.ITEMS).tag("kind", "recommendation").counters()).isNotEmpty();
    }

    @Test
    void the_meters_exist_at_zero_before_the_first_call() {
        SimpleMeterRegistry fresh = new SimpleMeterRegistry();
        new SerenoMetrics(fresh);

        assertThat(fresh.find(SerenoMetrics.ADVISE).tag("outcome", "ok").timer().count()).isZero();
        assertThat(fresh.find(SerenoMetrics.RELOADS).tag("outcome", "rejected").counter().count()).isZero();
    }

    @Test
    void counts_reloads_that_serve_and_reloads_that_are_rejected(@TempDir Path dir) throws Exception {
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        SerenoMetrics metrics = new SerenoMetrics(own);
        Files.writeString(dir.resolve("one.drl"), rule("First"));
        try (Advisor watching = Advisor.builder().rules(RuleSource.directory(dir)).reloadOnChange(metrics).build()) {
            Files.writeString(dir.resolve("one.drl"), rule("Second"));
            awaitCount(own, "ok", 1);

            Files.writeString(dir.resolve("one.drl"), "rule \"Broken\" when then");
            awaitCount(own, "rejected", 1);
            assertThat(watching.policy().rules()).containsKey("Second");
        }
    }

    private static String rule(String name) {
        return """
                package dev.sereno.rules;
                import dev.sereno.situation.Complaint;
                import dev.sereno.situation.Stage;
                import dev.sereno.policy.Recommend;
                rule "%s"
                    @guidance("G06")
                when
                    Complaint( claim == "never" )
                then
                    insert(new Recommend("OK", Stage.OPENING));
                end
                """.formatted(name);
    }

    private static void awaitCount(SimpleMeterRegistry own, String outcome, double expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (own.find(SerenoMetrics.RELOADS).tag("outcome", outcome).counter().count() < expected) {
            assertThat(System.nanoTime()).as("reload %s counted within 30 s", outcome).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
