package dev.sereno.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.AdvisorListener;
import dev.sereno.micrometer.SerenoMetrics;
import dev.sereno.situation.Situation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every branch of the auto-configuration, each in a context of its own. */
class SerenoAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SerenoAutoConfiguration.class, SerenoHealthAutoConfiguration.class));

    @Test
    void with_nothing_set_one_advisor_serves_the_bundled_policy() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(Advisor.class).hasSingleBean(SerenoHealthIndicator.class)
                    .doesNotHaveBean(SerenoMetrics.class);
            Advisor advisor = context.getBean(Advisor.class);
            assertThat(advisor.policy().rules()).containsKey("Never call the customer a liar");
            assertThat(advisor.advise(Policies.liar()).blocksDraft()).isTrue();
        });
    }

    @Test
    void backs_off_when_the_application_defines_its_own_advisor() {
        runner.withUserConfiguration(OwnAdvisor.class).run(context -> {
            assertThat(context).hasSingleBean(Advisor.class);
            assertThat(context.getBean(Advisor.class)).isSameAs(context.getBean("ownAdvisor"));
        });
    }

    @Test
    void configures_nothing_when_disabled() {
        runner.withPropertyValues("sereno.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(Advisor.class).doesNotHaveBean(SerenoHealthIndicator.class));
    }

    @Test
    void serves_a_policy_folder_instead_of_the_bundled_policy(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("house.drl"), Policies.rule("House rule"));
        runner.withPropertyValues("sereno.rules.folder=" + dir).run(context ->
                assertThat(context.getBean(Advisor.class).policy().rules()).containsOnlyKeys("House rule"));
    }

    @Test
    void extends_the_bundled_policy_with_a_folder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("house.drl"), Policies.rule("House rule"));
        runner.withPropertyValues("sereno.rules.folder=" + dir, "sereno.rules.extend=true").run(context ->
                assertThat(context.getBean(Advisor.class).policy().rules())
                        .containsKeys("House rule", "Never call the customer a liar"));
    }

    @Test
    void a_missing_folder_stops_the_start_naming_the_property(@TempDir Path dir) {
        runner.withPropertyValues("sereno.rules.folder=" + dir.resolve("nowhere")).run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("sereno.rules.folder")
                        .hasMessageContaining("no such folder"));
    }

    @Test
    void watching_or_extending_without_a_folder_stops_the_start() {
        runner.withPropertyValues("sereno.rules.watch=true").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("sereno.rules.watch")
                        .hasMessageContaining("needs sereno.rules.folder"));
        runner.withPropertyValues("sereno.rules.extend=true").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("sereno.rules.extend"));
    }

    @Test
    void a_firing_cap_below_one_stops_the_start() {
        runner.withPropertyValues("sereno.max-firings-per-call=0").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("sereno.max-firings-per-call")
                        .hasMessageContaining("must be 1 or more"));
    }

    @Test
    void with_a_meter_registry_every_call_is_timed() {
        runner.withUserConfiguration(Registry.class).run(context -> {
            assertThat(context).hasSingleBean(SerenoMetrics.class);
            context.getBean(Advisor.class).advise(Policies.liar());
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get(SerenoMetrics.ADVISE).tag("outcome", "ok").tag("blocked", "yes").timer().count())
                    .isEqualTo(1);
        });
    }

    @Test
    void listener_beans_hear_every_call() {
        runner.withUserConfiguration(Registry.class, Audit.class).run(context -> {
            Situation liar = Policies.liar();
            context.getBean(Advisor.class).advise(liar);
            assertThat(context.getBean(Audit.class).heard).containsExactly(liar.complaint().id());
            assertThat(context.getBean(MeterRegistry.class).get(SerenoMetrics.ADVISE).timers()).isNotEmpty();
        });
    }

    @Test
    void health_is_down_while_a_rejected_change_waits_and_up_again_once_fixed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("house.drl"), Policies.rule("House rule"));
        runner.withUserConfiguration(Registry.class)
                .withPropertyValues("sereno.rules.folder=" + dir, "sereno.rules.watch=true").run(context -> {
                    SerenoHealthIndicator health = context.getBean(SerenoHealthIndicator.class);
                    Advisor advisor = context.getBean(Advisor.class);
                    String first = advisor.policyRevision();
                    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                    assertThat(health.health().getDetails()).containsEntry("policy", first);

                    Files.writeString(dir.resolve("house.drl"), "rule \"Broken\" when then");
                    await(() -> health.health().getStatus().equals(Status.DOWN));
                    assertThat(health.health().getDetails()).containsEntry("policy", first)
                            .containsKeys("reason", "problems");
                    assertThat(health.health().getDetails().get("reason").toString()).contains("keeps serving");

                    Files.writeString(dir.resolve("house.drl"), Policies.rule("Fixed rule"));
                    await(() -> health.health().getStatus().equals(Status.UP));
                    assertThat(advisor.policy().rules()).containsOnlyKeys("Fixed rule");
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get(SerenoMetrics.RELOADS).tag("outcome", "rejected").counter().count()).isEqualTo(1);
                    assertThat(registry.get(SerenoMetrics.RELOADS).tag("outcome", "ok").counter().count()).isEqualTo(1);
                });
    }

    @Test
    void closes_the_advisor_with_the_context(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("house.drl"), Policies.rule("House rule"));
        runner.withPropertyValues("sereno.rules.folder=" + dir, "sereno.rules.watch=true")
                .run(context -> assertThat(watcherRunning()).isTrue());
        await(() -> !watcherRunning());
    }

    @Test
    void no_health_indicator_without_actuator_health() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(context ->
                assertThat(context).hasSingleBean(Advisor.class).doesNotHaveBean(SerenoHealthIndicator.class));
    }

    @Test
    void no_health_indicator_when_switched_off() {
        runner.withPropertyValues("management.health.sereno.enabled=false").run(context ->
                assertThat(context).hasSingleBean(Advisor.class).doesNotHaveBean(SerenoHealthIndicator.class));
    }

    @Test
    void no_meters_without_micrometer() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).withUserConfiguration(Audit.class)
                .run(context -> assertThat(context).hasSingleBean(Advisor.class).doesNotHaveBean(SerenoMetrics.class));
    }

    private static boolean watcherRunning() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("sereno-policy-watcher") && t.isAlive());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnAdvisor {
        @Bean
        Advisor ownAdvisor() {
            return Advisor.withDefaultRules();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registry {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Audit implements AdvisorListener {
        final List<String> heard = new ArrayList<>();

        @Override
        public void onSuccess(Situation situation, Advice advice) {
            heard.add(situation.complaint().id());
        }
    }
}
