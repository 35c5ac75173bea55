package dev.sereno.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sereno.engine.Advisor;
import dev.sereno.micrometer.SerenoMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /metrics and the policy page's endpoints, on a server with every feature and on one with none. */
class ServerFeaturesTest {
    static final String LIAR = AdviceServerTest.read(Path.of("src/main/resources/dev/sereno/cli/demo/phone-liar-es.json"));
    static Advisor advisor;
    static AdviceServer full;
    static AdviceServer plain;
    static Http http;
    static Http plainHttp;

    @BeforeAll
    static void start() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        advisor = Advisor.builder().listener(new SerenoMetrics(registry)).build();
        full = AdviceServer.start(advisor, HttpSettings.onPort(0), new ServerFeatures(registry, true,
                List.of(new ServerFeatures.DemoSituation("phone-liar-es", "Teléfono", LIAR))));
        plain = AdviceServer.start(advisor, HttpSettings.onPort(0), ServerFeatures.NONE);
        http = new Http(full.port());
        plainHttp = new Http(plain.port());
    }

    @AfterAll
    static void stop() {
        full.close();
        plain.close();
        advisor.close();
    }

    static HttpResponse<String> get(Http h, String path, String accept) {
        return Http.send(HttpRequest.newBuilder(h.uri(path)).header("Accept", accept).GET().build());
    }

    @Test
    void metrics_count_each_call_in_the_prometheus_text_format() {
        assertThat(http.postJson("/advice", LIAR).statusCode()).isEqualTo(200);
        assertThat(http.postJson("/advice", "{}").statusCode()).isEqualTo(400); // rejected by the reader: not timed

        HttpResponse<String> r = http.get("/metrics");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(r.body()).contains("# TYPE sereno_advise_seconds summary")
                .containsPattern("sereno_advise_seconds_count\\{blocked=\"yes\",outcome=\"ok\"\\} [1-9]")
                .contains("sereno_advice_items_total{guidance=\"G18\",kind=\"warning\"}")
                .contains("sereno_policy_reloads_total{outcome=\"rejected\"} 0");
    }

    @Test
    void browsers_get_the_page_at_the_root_and_other_clients_do_not() {
        HttpResponse<String> page = get(http, "/", "text/html,application/xhtml+xml");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(t -> assertThat(t).contains("default-src 'self'"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"/ui/app.js\">");

        // a client asking for JSON gets what is served instead (the policy described, see ServedPolicy)
        HttpResponse<String> described = get(http, "/", "application/json");
        assertThat(described.statusCode()).isEqualTo(200);
        assertThat(described.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(get(http, "/ui/app.js", "*/*").headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        HttpResponse<String> unknown = get(http, "/ui/secret.properties", "*/*");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(AdviceServerTest.errors(unknown)).containsExactly("no such page file: /ui/secret.properties");
    }

    @Test
    void a_rule_comes_with_its_file_line_and_text_from_the_policy_serving() {
        HttpResponse<String> r = http.get("/rules/" + URLEncoder.encode("Never call the customer a liar", StandardCharsets.UTF_8).replace("+", "%20"));

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode rule = AdviceServerTest.json(r);
        assertThat(rule.get("policy").asText()).isEqualTo(advisor.policyRevision());
        assertThat(rule.get("file").asText()).isEqualTo("records-disagree.drl");
        assertThat(rule.get("line").asInt()).isPositive();
        assertThat(rule.get("source").asText()).startsWith("rule \"Never call the customer a liar\"").endsWith("end");
        assertThat(rule.get("guidance").toString()).isEqualTo("[\"G18\"]");

        HttpResponse<String> missing = http.get("/rules/Nobody");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(AdviceServerTest.errors(missing).get(0)).contains("no rule named \"Nobody\" in policy " + advisor.policyRevision());
    }

    @Test
    void guidance_is_quoted_from_the_catalogue() {
        JsonNode g = AdviceServerTest.json(http.get("/guidance/G18"));
        assertThat(g.get("guidance").asText()).startsWith("Never tell the customer they lie");
        assertThat(g.get("section").asText()).isEqualTo("4. When the records disagree");
        assertThat(g.get("kind").asText()).isEqualTo("WARN (blocking)");

        assertThat(http.get("/guidance/G999").statusCode()).isEqualTo(404);
        assertThat(GuidanceCatalogue.bundled().size()).isEqualTo(56);
    }

    @Test
    void the_demo_situations_are_served_as_json() {
        JsonNode demos = AdviceServerTest.json(http.get("/demo-situations"));
        assertThat(demos).hasSize(1);
        assertThat(demos.get(0).get("name").asText()).isEqualTo("phone-liar-es");
        assertThat(demos.get(0).get("situation").get("draftReply").asText()).startsWith("Usted miente");
    }

    @Test
    void without_the_features_none_of_their_endpoints_answer() {
        assertThat(plainHttp.get("/metrics").statusCode()).isEqualTo(404);
        assertThat(get(plainHttp, "/", "text/html").statusCode()).isEqualTo(404);
        assertThat(plainHttp.get("/rules/Nobody").statusCode()).isEqualTo(404);
        assertThat(plainHttp.get("/demo-situations").statusCode()).isEqualTo(404);
        assertThat(plainHttp.get("/health").statusCode()).isEqualTo(200);
    }
}
