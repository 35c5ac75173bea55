package dev.sereno.spring;

import dev.sereno.engine.Advisor;
import dev.sereno.engine.AdvisorListener;
import dev.sereno.engine.PolicyListener;
import dev.sereno.engine.RuleSource;
import dev.sereno.micrometer.SerenoMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One shared {@link Advisor} from the {@code sereno.*} properties, closed when the context closes; backs off when
 * the application defines its own. Every {@link AdvisorListener} bean hears its calls and, with
 * {@code sereno.rules.watch}, every {@link PolicyListener} bean its reloads. With a {@link MeterRegistry} (Actuator),
 * the meters of {@link SerenoMetrics} are recorded.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(Advisor.class)
@ConditionalOnBooleanProperty(name = "sereno.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SerenoProperties.class)
public class SerenoAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PolicyStatus serenoPolicyStatus() {
        return new PolicyStatus();
    }

    @Bean
    @ConditionalOnMissingBean
    Advisor serenoAdvisor(SerenoProperties properties, ObjectProvider<AdvisorListener> advisorListeners,
                          ObjectProvider<PolicyListener> policyListeners) {
        SerenoProperties.Rules rules = properties.getRules();
        if (properties.getMaxFiringsPerCall() < 1) {
            throw new InvalidConfigurationPropertyValueException("sereno.max-firings-per-call",
                    properties.getMaxFiringsPerCall(), "must be 1 or more");
        }
        Advisor.Builder builder = Advisor.builder().rules(source(rules))
                .maxFiringsPerCall(properties.getMaxFiringsPerCall());
        List<AdvisorListener> listeners = advisorListeners.orderedStream().toList();
        if (!listeners.isEmpty()) {
            builder.listener(Listeners.advisor(listeners));
        }
        if (rules.isWatch()) {
            builder.reloadOnChange(Listeners.policy(policyListeners.orderedStream().toList()));
        }
        return builder.build();
    }

    private static RuleSource source(SerenoProperties.Rules rules) {
        Path folder = rules.getFolder();
        if (folder == null) {
            if (rules.isExtend() || rules.isWatch()) {
                throw new InvalidConfigurationPropertyValueException(rules.isWatch() ? "sereno.rules.watch"
                        : "sereno.rules.extend", true, "needs sereno.rules.folder: the bundled policy is used "
                        + "as it is and cannot change while running");
            }
            return RuleSource.classpath();
        }
        if (!Files.isDirectory(folder)) {
            throw new InvalidConfigurationPropertyValueException("sereno.rules.folder", folder,
                    "no such folder (a policy folder holds .drl files, phrases/, messages/ and policy.properties)");
        }
        return rules.isExtend() ? RuleSource.defaultPolicyWith(folder) : RuleSource.directory(folder);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class Metrics {
        @Bean
        @ConditionalOnMissingBean
        SerenoMetrics serenoMetrics(MeterRegistry registry) {
            return new SerenoMetrics(registry);
        }
    }
}
