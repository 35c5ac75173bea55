package dev.sereno.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application that adds the starter and nothing else of its own. */
@SpringBootApplication
public class StarterOnlyApplication {
}
