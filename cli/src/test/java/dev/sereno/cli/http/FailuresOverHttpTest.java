package dev.sereno.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sereno.cli.FaultyPolicy;
import dev.sereno.engine.Advisor;
import dev.sereno.json.SituationJson;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What the service answers when a rule fails in any way, out of memory included, and when the body is in the wrong
 * encoding: always the contract's JSON, the server serving on, no exception message in the log.
 */
class FailuresOverHttpTest {
    static Advisor advisor;
    static AdviceServer server;
    static Http http;

    @BeforeAll
    static void start() {
        advisor = FaultyPolicy.advisor();
        server = AdviceServer.start(advisor, HttpSettings.onPort(0));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        advisor.close();
    }

    static String situation(String claim) {
        return new SituationJson().write(FaultyPolicy.situation(claim, "SecretWords"));
    }

    @Test
    void outOfMemoryInACallIs503WithRetryAfterAndTheServerServesOn() {
        HttpResponse<String> r = http.postJson("/advice", situation("oom"));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(AdviceServerTest.errors(r)).singleElement().asString().contains("out of memory");
        HttpResponse<String> next = http.postJson("/advice", situation("fine"));
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).contains("\"OK\"");
    }

    @Test
    void anErrorOrExceptionFromARuleIs500InJsonAndItsMessageIsNeverLogged() {
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        root.setLevel(Level.INFO);
        events.start();
        root.addAppender(events);
        try {
            for (String claim : List.of("throw", "assert")) {
                HttpResponse<String> r = http.postJson("/advice", situation(claim));
                assertThat(r.statusCode()).as(claim).isEqualTo(500);
                assertThat(AdviceServerTest.errors(r)).singleElement().asString()
                        .containsAnyOf("\" failed: THREW", "could not be given");
                assertThat(r.body()).doesNotContain("SecretWords");
            }
            assertThat(http.postJson("/advice", situation("fine")).statusCode()).isEqualTo(200);
        } finally {
            root.detachAppender(events);
            root.setLevel(before);
        }
        assertThat(events.list).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getFormattedMessage()).doesNotContain("SecretWords");
            assertThat(e.getThrowableProxy()).isNull();
        });
    }

    @Test
    void utf16IsRefusedSayingSoAndAUtf8ByteOrderMarkIsAccepted() {
        String good = situation("fine");
        for (Charset cs : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, Charset.forName("UTF-32"))) {
            HttpResponse<String> r = http.post("/advice", "application/json", good.getBytes(cs));
            assertThat(r.statusCode()).as(cs.name()).isEqualTo(400);
            assertThat(AdviceServerTest.errors(r)).singleElement().asString().as(cs.name())
                    .startsWith("the body looks like UTF-").endsWith("it must be UTF-8 (save or send it as UTF-8)");
        }
        byte[] utf8 = good.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        assertThat(http.post("/advice", "application/json", bom).statusCode()).isEqualTo(200);
    }

    @Test
    void textAfterTheSituationIsNamedWithoutParserInternals() {
        HttpResponse<String> r = http.postJson("/advice", situation("fine") + " []");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(AdviceServerTest.errors(r)).singleElement().asString()
                .contains("unexpected text after the situation").doesNotContain("JsonNode", "FAIL_ON", "`");
    }
}
