package dev.sereno.spring;

import dev.sereno.engine.Advisor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** The {@code sereno} health indicator, when the application has Actuator's health support. */
@AutoConfiguration(after = SerenoAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(Advisor.class)
@ConditionalOnEnabledHealthIndicator("sereno")
public class SerenoHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "serenoHealthIndicator")
    SerenoHealthIndicator serenoHealthIndicator(Advisor advisor, org.springframework.beans.factory.ObjectProvider<PolicyStatus> status) {
        return new SerenoHealthIndicator(advisor, status.getIfAvailable(PolicyStatus::new));
    }
}
