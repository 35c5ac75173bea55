package dev.sereno.examples.boot;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A complaint service on Spring Boot: the CRM posts an agent's reply with its ticket, the service answers with
 * Sereno's advice and holds a reply that must not go out. The Advisor, its health and its meters come from
 * {@code sereno-spring-boot-starter}; nothing here builds them.
 * {@code mvn -q -pl examples/spring-boot spring-boot:run} after an install at the root; {@code ComplaintServiceTest}
 * drives it over HTTP.
 */
@SpringBootApplication
public class ComplaintServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(ComplaintServiceApplication.class, args);
    }

    /** Sereno never reads the clock: the service puts {@code now} in every situation from this one. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
