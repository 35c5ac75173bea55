package dev.sereno.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComplaintServiceTest {
    private static final String REPLY = """
            {
              "ticket": { "number": "T-2231", "openedAt": "2026-11-20T08:00:00Z", "channel": "phone", "language": "es",
                          "subject": "El pedido no llegó", "customerSaid": "¡Es la tercera vez que llamo!", "mood": "angry" },
              "account": { "number": "C-1042", "kind": "business", "customerSinceYear": 2019 },
              "agent": { "login": "A-7", "displayName": "Lucía" },
              "proof": [ { "id": "E-1", "type": "SIGNED_DELIVERY_RECEIPT", "contradictsCustomer": true, "checked": true,
                           "note": "Albarán firmado el 18 de noviembre" } ],
              "draft": "%s"
            }
            """;

    @LocalServerPort
    int port;

    @Autowired
    Outbox outbox;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_reply_that_calls_the_customer_a_liar_is_held_and_its_rewrite_is_sent() throws Exception {
        HttpResponse<String> held = post(REPLY.formatted("Usted miente, tenemos el albarán firmado."));

        assertThat(held.statusCode()).isEqualTo(200);
        assertThat(held.body()).contains("\"status\":\"HELD\"").contains("\"span\":\"Usted miente\"")
                .contains("\"severity\":\"BLOCKING\"").contains("\"recommendations\":[");
        assertThat(get("/tickets/T-2231/held").body()).contains("Usted miente");
        assertThat(outbox.sent()).isEmpty();

        HttpResponse<String> sent = post(REPLY.formatted("Entiendo su malestar. Según nuestros registros hay un "
                + "albarán firmado; se lo envío ahora y, si no lo firmó usted, lo investigo hoy mismo."));

        assertThat(sent.body()).contains("\"status\":\"SENT\"");
        assertThat(outbox.sent()).extracting(Outbox.Sent::ticket).containsExactly("T-2231");
        assertThat(get("/tickets/T-2231/held").statusCode()).isEqualTo(404);

        assertThat(get("/actuator/health").body()).contains("\"sereno\"").contains("\"policy\"");
        assertThat(get("/actuator/metrics/sereno.advise?tag=blocked:yes").body())
                .contains("\"statistic\":\"COUNT\",\"value\":1.0");
    }

    @Test
    void what_the_crm_sent_wrong_is_named_in_its_own_words() throws Exception {
        HttpResponse<String> r = post("""
                { "ticket": { "number": "T-9", "channel": "fax" }, "account": { "number": "C-9", "kind": "vip" },
                  "draft": "Hola" }
                """);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("agent.login: required");

        HttpResponse<String> values = post("""
                { "ticket": { "number": "T-9", "channel": "fax" }, "account": { "number": "C-9", "kind": "vip" },
                  "agent": { "login": "A-1" }, "draft": "Hola" }
                """);
        assertThat(values.statusCode()).isEqualTo(400);
        assertThat(values.body()).contains("ticket.channel: \\\"fax\\\" is not one of [chat, email, phone, social, store]")
                .contains("account.kind: \\\"vip\\\"");
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/replies"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
