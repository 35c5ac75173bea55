package dev.sereno.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.sereno.advice.Recommendation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kjar on the class path is loaded from its generated model without its kmodule.xml ever being parsed, so a
 * kmodule.xml that declares external entities cannot make Sereno read a file or call a server.
 */
class KjarLoadingTest {
    private HttpServer server;
    private final AtomicInteger entityRequests = new AtomicInteger();

    @TempDir
    Path kjar;

    @BeforeEach
    void startEntityServer() throws IOException {
        // the external entity points here: any request means some XML parser resolved it
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            entityRequests.incrementAndGet();
            byte[] body = "sereno".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopEntityServer() {
        server.stop(0);
    }

    private String hostileKmodule() {
        String entity = "http://127.0.0.1:" + server.getAddress().getPort() + "/kbase-name";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE kmodule [ <!ENTITY name SYSTEM "%s"> ]>
                <kmodule xmlns="http://www.drools.org/xsd/kmodule">&name;<kbase name="sereno" packages="dev.sereno.rules"/></kmodule>
                """.formatted(entity);
    }

    private URLClassLoader kjarLoader(String kmodule, boolean withModel) throws IOException {
        Files.createDirectories(kjar.resolve("META-INF/kie/test/hand-made"));
        Files.writeString(kjar.resolve("META-INF/kmodule.xml"), kmodule);
        if (withModel) {
            Files.writeString(kjar.resolve("META-INF/kie/test/hand-made/drools-model"), HandMadeModel.class.getName() + "\n");
        }
        return new URLClassLoader(new URL[] {kjar.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void aKjarIsFoundByItsKmoduleAndLoadedWithoutParsingIt() throws IOException {
        try (URLClassLoader loader = kjarLoader(hostileKmodule(), true);
             Advisor advisor = Advisor.builder().rules(RuleSource.classpath(loader)).build()) {
            assertThat(advisor.advise(AdvisorFailureTest.claim("late")).recommendations())
                    .extracting(Recommendation::rule).containsExactly("Listen to every complaint");
        }
        assertThat(entityRequests).hasValue(0);
    }

    @Test
    void aKjarWithoutAGeneratedModelIsAClearErrorAndStillNothingIsParsed() throws IOException {
        try (URLClassLoader loader = kjarLoader(hostileKmodule(), false)) {
            assertThatThrownBy(() -> Advisor.builder().rules(RuleSource.classpath(loader)).build())
                    .isInstanceOf(RulesInvalidException.class)
                    .hasMessageContaining("no rules on the class path")
                    .hasMessageContaining("generateModel=YES");
        }
        assertThat(entityRequests).hasValue(0);
    }

    @Test
    void theServerSeesAParserThatResolvesTheEntity() throws Exception {
        // the control: a parser left at the JDK's defaults does fetch the entity, so the checks above can fail
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        String text = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(hostileKmodule().getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement().getTextContent();
        assertThat(text).isEqualTo("sereno");
        assertThat(entityRequests).hasValue(1);
    }
}
