package dev.sereno.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sereno.engine.Advisor;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The decision service against clients that are slow, broken or too many, all on loopback and bounded in count and
 * time: Jetty's own refusals answer in the contract's JSON, a trickled body is cut off without taking the service
 * down, a flood is answered 503 with Retry-After past the in-flight cap, and {@code /health} and {@code /advice}
 * keep answering throughout (each probe within 3 s; they typically take well under one).
 */
class HostileClientsTest {
    static final String EXAMPLE = AdviceServerTest.EXAMPLE;
    /**
     * The slowest answer a probe accepts: a starved server would not answer for as long as an attack lasts (12 s);
     * a 2-core machine running a whole build can pause a healthy one for a second (GC, JIT), so 1 s flaked.
     */
    static final long PROBE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(3);

    static Advisor advisor;
    static AdviceServer server;

    @BeforeAll
    static void start() {
        advisor = Advisor.withDefaultRules();
        server = AdviceServer.start(advisor, HttpSettings.onPort(0));
    }

    @AfterAll
    static void stop() {
        server.close();
        advisor.close();
    }

    static String post(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "POST /advice HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n" + body;
    }

    static List<String> jsonErrors(RawHttp.Answer a) {
        assertThat(a.hasHeader("Content-Type")).as(a.head()).isTrue();
        assertThat(a.head().toLowerCase()).contains("content-type: application/json");
        JsonNode tree;
        try {
            tree = AdviceServerTest.JSON.readTree(a.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + a.body(), e);
        }
        List<String> out = new ArrayList<>();
        tree.get("errors").forEach(e -> out.add(e.asText()));
        assertThat(out).isNotEmpty();
        return out;
    }

    @Test
    void jettysOwnRefusalsAnswerInTheContractsJson() {
        int port = server.port();
        RawHttp.Answer badLength = RawHttp.exchange(port, "POST /advice HTTP/1.1\r\nHost: t\r\n"
                + "Content-Type: application/json\r\nContent-Length: abc\r\n\r\n{}");
        assertThat(badLength.status()).isEqualTo(400);
        assertThat(jsonErrors(badLength)).anySatisfy(e -> assertThat(e).contains("not valid HTTP/1.1"));

        RawHttp.Answer twoLengths = RawHttp.exchange(port, "POST /advice HTTP/1.1\r\nHost: t\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}");
        assertThat(twoLengths.status()).isEqualTo(400);
        jsonErrors(twoLengths);

        RawHttp.Answer bigHeader = RawHttp.exchange(port, "GET /health HTTP/1.1\r\nHost: t\r\nX-Big: "
                + "a".repeat(200_000) + "\r\n\r\n");
        assertThat(bigHeader.status()).isEqualTo(431);
        assertThat(jsonErrors(bigHeader)).anySatisfy(e -> assertThat(e).contains("headers are too large"));

        RawHttp.Answer longPath = RawHttp.exchange(port, "GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: t\r\n\r\n");
        assertThat(longPath.status()).isEqualTo(414);
        assertThat(jsonErrors(longPath)).anySatisfy(e -> assertThat(e).contains("request line is too long"));

        RawHttp.Answer badChunk = RawHttp.exchange(port, "POST /advice HTTP/1.1\r\nHost: t\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n");
        assertThat(badChunk.status()).isEqualTo(400);
        assertThat(jsonErrors(badChunk)).anySatisfy(e -> assertThat(e).contains("chunked encoding is malformed"));

        RawHttp.Answer tooLarge = RawHttp.exchange(port, ("POST /advice HTTP/1.1\r\nHost: t\r\n"
                + "Content-Type: application/json\r\nContent-Length: 3000000\r\n\r\n" + " ".repeat(2_000_000))
                .getBytes(StandardCharsets.ISO_8859_1), 10_000);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(jsonErrors(tooLarge)).anySatisfy(e -> assertThat(e).contains("larger than 1048576 bytes"));

        RawHttp.Answer notHttp = RawHttp.exchange(port, "HELLO\r\n\r\n");
        assertThat(notHttp.status()).isEqualTo(400);
        jsonErrors(notHttp);

        assertThat(RawHttp.exchange(port, post(EXAMPLE)).status()).isEqualTo(200);
    }

    @Test
    void aClientFaultIsOneLogLineWithoutAStackTrace() throws Exception {
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        root.setLevel(Level.INFO);
        events.start();
        root.addAppender(events);
        try {
            try (Socket s = RawHttp.connect(server.port())) { // closes mid-body
                s.getOutputStream().write(("POST /advice HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"now\":").getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().flush();
                Thread.sleep(200);
            }
            RawHttp.exchange(server.port(), "POST /advice HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n");
            RawHttp.exchange(server.port(), "GET /health HTTP/1.1\r\nHost: t\r\nX-Big: " + "a".repeat(200_000) + "\r\n\r\n");
            Thread.sleep(300); // the log line of a connection closed by its client may come after the answer
        } finally {
            root.detachAppender(events);
            root.setLevel(before);
        }
        List<ILoggingEvent> faults = events.list.stream()
                .filter(e -> !e.getLoggerName().endsWith("RequestLog")).toList();
        assertThat(faults).as("%s", faults).hasSize(3)
                .allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull())
                .allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.INFO));
        assertThat(events.list).allSatisfy(e -> assertThat(e.getLevel().isGreaterOrEqual(Level.WARN)).isFalse());
    }

    /** A probe of /health and of /advice on new connections, every 200 ms, each answer timed. */
    static final class Probes implements AutoCloseable {
        final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Probes(int port) {
            thread = new Thread(() -> {
                while (running.get()) {
                    probe(port, "GET /health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
                    probe(port, post(EXAMPLE));
                    sleep(200);
                }
            }, "probe");
            thread.start();
        }

        private void probe(int port, String request) {
            long t0 = System.nanoTime();
            RawHttp.Answer a = RawHttp.exchange(port, request.getBytes(StandardCharsets.UTF_8), 5_000);
            long took = System.nanoTime() - t0;
            nanos.add(took);
            if (a.status() != 200 || took > PROBE_LIMIT_NANOS) {
                failures.add(request.substring(0, request.indexOf(' ', 5)) + " -> " + a.status() + " in "
                        + took / 1_000_000 + " ms");
            }
        }

        long maxMillis() {
            return nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1_000_000;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Socket trickle(int port) throws IOException {
        Socket s = RawHttp.connect(port);
        s.getOutputStream().write(("POST /advice HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                + "Content-Length: 5000\r\n\r\n{").getBytes(StandardCharsets.UTF_8));
        return s;
    }

    static void warmUp(int port) {
        for (int i = 0; i < 20; i++) {
            assertThat(RawHttp.exchange(port, post(EXAMPLE)).status()).isEqualTo(200);
        }
    }

    /**
     * The attack of issue 12 on loopback: 200 connections each sending one body byte every 2 s, each cut-off one
     * replaced at once, for 12 s.
     */
    @Test
    void twoHundredTrickledBodiesAreCutOffWhileHealthAndAdviceKeepAnswering() throws Exception {
        int port = server.port();
        warmUp(port);
        int connections = 200;
        List<Socket> slow = new ArrayList<>();
        int opened = 0;
        int answered408 = 0;
        try (Probes probes = new Probes(port)) {
            for (int i = 0; i < connections; i++) {
                slow.add(trickle(port));
                opened++;
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(12);
            while (System.nanoTime() < end) {
                sleep(2_000);
                for (int i = 0; i < slow.size(); i++) {
                    Socket s = slow.get(i);
                    boolean cut = s.getInputStream().available() > 0;
                    if (!cut) {
                        try {
                            s.getOutputStream().write(' ');
                            s.getOutputStream().flush();
                        } catch (IOException e) {
                            cut = true; // closed by the server
                        }
                    }
                    if (cut) {
                        RawHttp.Answer a = RawHttp.read(s, 200);
                        if (a.status() == 408) {
                            answered408++;
                            assertThat(jsonErrors(a)).anySatisfy(e -> assertThat(e).contains("too slowly"));
                        }
                        s.close();
                        slow.set(i, trickle(port));
                        opened++;
                    }
                }
            }
            probes.close();
            System.out.printf("slow bodies: 200 at a time for 12 s, %d connections opened, %d cut off with 408;"
                    + " %d probes of /health and /advice, slowest %d ms%n", opened, answered408,
                    probes.nanos.size(), probes.maxMillis());
            assertThat(probes.failures).as("probes slower than 3 s or failed").isEmpty();
            assertThat(probes.nanos).hasSizeGreaterThan(10);
            assertThat(answered408).as("trickles cut off").isGreaterThanOrEqualTo(connections);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void aFloodPastTheInFlightCapIsAnswered503WithRetryAfterAndHealthKeepsAnswering() throws Exception {
        // one in flight, one waiting up to 100 ms (a permit is returned just after its answer is sent, so a client
        // asking again at once may find it still taken)
        ServerLimits tight = new ServerLimits(ServerLimits.DEFAULT_MAX_CONNECTIONS, 1, 1, Duration.ofMillis(100),
                ServerLimits.DEFAULT_IDLE_TIMEOUT, ServerLimits.DEFAULT_MIN_BODY_RATE);
        try (AdviceServer small = AdviceServer.start(advisor, HttpSettings.onPort(0), tight)) {
            int port = small.port();
            warmUp(port);
            AtomicInteger ok = new AtomicInteger();
            AtomicInteger busy = new AtomicInteger();
            ConcurrentLinkedQueue<String> other = new ConcurrentLinkedQueue<>();
            ExecutorService flood = Executors.newFixedThreadPool(8);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
            try (Probes probes = new Probes(port)) {
                List<Future<?>> clients = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    clients.add(flood.submit(() -> {
                        while (System.nanoTime() < end) {
                            RawHttp.Answer a = RawHttp.exchange(port, post(EXAMPLE).getBytes(StandardCharsets.UTF_8), 5_000);
                            if (a.status() == 200) {
                                ok.incrementAndGet();
                            } else if (a.status() == 503 && a.hasHeader("Retry-After")
                                    && jsonErrors(a).get(0).contains("busy")) {
                                busy.incrementAndGet();
                            } else {
                                other.add(a.status() + " " + a.head());
                            }
                        }
                    }));
                }
                for (Future<?> f : clients) {
                    f.get();
                }
                probes.close();
                System.out.printf("flood past a cap of 1 in flight: 8 clients for 4 s, %d answered 200, %d 503 with"
                        + " Retry-After; %d probes, slowest %d ms%n", ok.get(), busy.get(), probes.nanos.size(),
                        probes.maxMillis());
                assertThat(other).isEmpty();
                assertThat(busy.get()).isPositive();
                assertThat(ok.get()).isPositive();
                assertThat(probes.failures.stream().filter(f -> f.startsWith("GET"))).as("health probes").isEmpty();
            } finally {
                flood.shutdownNow();
            }
        }
    }

    @Test
    void aFloodWithinTheDefaultLimitsIsAnsweredInFull() throws Exception {
        int port = server.port();
        warmUp(port);
        AtomicInteger ok = new AtomicInteger();
        ConcurrentLinkedQueue<String> other = new ConcurrentLinkedQueue<>();
        ExecutorService flood = Executors.newFixedThreadPool(8);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
        try (Probes probes = new Probes(port)) {
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                clients.add(flood.submit(() -> {
                    while (System.nanoTime() < end) {
                        RawHttp.Answer a = RawHttp.exchange(port, post(EXAMPLE).getBytes(StandardCharsets.UTF_8), 5_000);
                        if (a.status() == 200) {
                            ok.incrementAndGet();
                        } else {
                            other.add(String.valueOf(a.status()));
                        }
                    }
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }
            probes.close();
            System.out.printf("flood within the defaults: 8 clients for 4 s, %d answered 200 (%d a second), %d other;"
                    + " %d probes, slowest %d ms%n", ok.get(), ok.get() / 4, other.size(), probes.nanos.size(),
                    probes.maxMillis());
            assertThat(other).isEmpty();
            assertThat(probes.failures).isEmpty();
        } finally {
            flood.shutdownNow();
        }
    }

    @Test
    void connectionsPastTheCapWaitAndSilentOnesAreClosedAfterTheIdleTimeout() throws Exception {
        ServerLimits fewAndShort = new ServerLimits(4, ServerLimits.DEFAULT_MAX_IN_FLIGHT,
                ServerLimits.DEFAULT_MAX_QUEUED, ServerLimits.DEFAULT_QUEUE_TIMEOUT, Duration.ofSeconds(2),
                ServerLimits.DEFAULT_MIN_BODY_RATE);
        try (AdviceServer small = AdviceServer.start(advisor, HttpSettings.onPort(0), fewAndShort)) {
            int port = small.port();
            List<Socket> idle = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                idle.add(RawHttp.connect(port));
            }
            sleep(200);
            String health = "GET /health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
            assertThat(RawHttp.exchange(port, health.getBytes(StandardCharsets.UTF_8), 500).status())
                    .as("a fifth connection waits while four are open").isZero();
            long t0 = System.nanoTime();
            // the four silent connections are closed by the idle timeout, and the next one is served
            for (Socket s : idle) {
                s.setSoTimeout(5_000);
                assertThat(s.getInputStream().read()).isEqualTo(-1);
                s.close();
            }
            long closedAfter = (System.nanoTime() - t0) / 1_000_000;
            assertThat(closedAfter).isBetween(500L, 4_000L);
            assertThat(RawHttp.exchange(port, health.getBytes(StandardCharsets.UTF_8), 2_000).status()).isEqualTo(200);
        }
    }
}
