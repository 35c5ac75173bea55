package dev.sereno.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.engine.Advisor;
import dev.sereno.json.SituationJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The starter in a real Boot application with Actuator, over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=health,metrics",
        "management.endpoint.health.show-details=always"})
class StarterEndToEndTest {
    @Autowired
    Advisor advisor;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_advisor_bean_the_health_revision_and_the_advise_timer() throws Exception {
        assertThat(advisor.policy().rules()).containsKey("Never call the customer a liar");

        String health = get("/actuator/health");
        assertThat(health).contains("\"sereno\"").contains("\"policy\":\"" + advisor.policyRevision() + "\"");

        advisor.advise(liar());
        advisor.advise(liar());

        String timer = get("/actuator/metrics/sereno.advise?tag=outcome:ok&tag=blocked:yes");
        assertThat(timer).contains("\"statistic\":\"COUNT\",\"value\":2.0");
        assertThat(get("/actuator/metrics/sereno.advice.items?tag=kind:warning&tag=guidance:G18"))
                .contains("\"statistic\":\"COUNT\"");
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " answered " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static dev.sereno.situation.Situation liar() throws IOException {
        try (InputStream in = StarterEndToEndTest.class.getResourceAsStream("/phone-liar-es.json")) {
            return new SituationJson().read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
