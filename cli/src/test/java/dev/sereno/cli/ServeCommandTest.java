package dev.sereno.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sereno serve} as an operator runs it: a process that serves until it gets SIGTERM. */
class ServeCommandTest {
    private static final Pattern LISTENING = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path tmp;

    @Test
    void servesUntilSigtermThenStopsCleanly() throws Exception {
        Path err = tmp.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", "0", "--no-ui").redirectError(err.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String banner = out.readLine();
            assertThat(banner).as("first line of stdout; stderr: %s", Files.exists(err) ? Files.readString(err) : "")
                    .isNotNull().contains("POST /advice");
            Matcher m = LISTENING.matcher(banner);
            assertThat(m.find()).isTrue();
            URI base = URI.create("http://127.0.0.1:" + m.group(1));

            HttpClient client = HttpClient.newHttpClient();
            String example = Files.readString(Path.of("../examples/situations/contract-example.json"));
            HttpResponse<String> advice = client.send(HttpRequest.newBuilder(base.resolve("/advice"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(example)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(advice.statusCode()).isEqualTo(200);
            assertThat(advice.body()).startsWith("{\"complaint\":\"K-1\"");
            assertThat(get(client, base, "/metrics").body()).contains("sereno_advise_seconds_count{blocked=\"yes\",outcome=\"ok\"} 1");
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(base.resolve("/")).header("Accept", "text/html")
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as("--no-ui: no page").isEqualTo(404);

            p.destroy(); // SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(143); // 128 + SIGTERM: stopped by the signal, after the shutdown hook
            String log = Files.readString(err);
            assertThat(log).contains("POST /advice 200", "sereno: stopped").doesNotContain("Exception", "\tat ");
            assertThat(log).doesNotContain("Usted miente", "K-1"); // no draft text, no complaint id at INFO
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void badSettingsExitTwoBeforeServing() {
        CliTest.Run tooSmall = CliTest.sereno("serve", "--port", "0", "--max-body", "0");
        assertThat(tooSmall.code()).isEqualTo(2);
        assertThat(tooSmall.err()).contains("body limit must be between 1 and");
        CliTest.Run noRules = CliTest.sereno("serve", "--port", "0", "--rules", tmp.resolve("missing").toString());
        assertThat(noRules.code()).isEqualTo(2);
        assertThat(noRules.err()).contains("no such folder");
        CliTest.Run watchBundled = CliTest.sereno("serve", "--port", "0", "--watch");
        assertThat(watchBundled.code()).isEqualTo(2);
        assertThat(watchBundled.err()).contains("--watch needs --rules DIR");
        CliTest.Run badPort = CliTest.sereno("serve", "--port", "70000");
        assertThat(badPort.code()).isEqualTo(2);
        assertThat(badPort.err()).contains("port must be between 0 and 65535");
    }

    @Test
    void aBrokenPolicyFolderIsReportedFileByFileAndNothingIsServed() throws IOException {
        Files.writeString(tmp.resolve("broken.drl"), "package dev.sereno.rules;\nrule \"Half\" when then");
        CliTest.Run r = CliTest.sereno("serve", "--port", "0", "--rules", tmp.toString());
        assertThat(r.code()).isEqualTo(1); // as `sereno advise --rules` does
        assertThat(r.err().lines().toList()).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("broken.drl"));
        assertThat(List.of(r.out())).containsExactly("");
    }

    static String policy(String action) {
        return """
                package dev.sereno.rules;
                import dev.sereno.situation.Complaint;
                import dev.sereno.situation.Stage;
                import dev.sereno.policy.Recommend;
                rule "Always recommend %1$s"
                    @guidance("G07")
                when
                    Complaint()
                then
                    insert(new Recommend("%1$s", Stage.LISTENING));
                end
                """.formatted(action);
    }

    @Test
    void withWatchAChangedFolderIsServedWithoutARestartAndABrokenOneIsNot() throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("policy.drl"), policy("FIRST"));
        Path err = tmp.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", "0", "--rules", rules.toString(), "--watch").redirectError(err.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Matcher m = LISTENING.matcher(String.valueOf(out.readLine()));
            assertThat(m.find()).as("banner; stderr: %s", Files.exists(err) ? Files.readString(err) : "").isTrue();
            URI base = URI.create("http://127.0.0.1:" + m.group(1));
            HttpClient client = HttpClient.newHttpClient();
            String first = health(client, base);

            Files.writeString(rules.resolve("policy.drl"), "package dev.sereno.rules;\nrule \"Half\" when then");
            waitFor(() -> Files.readString(err).contains("policy change rejected"), err);
            assertThat(health(client, base)).isEqualTo(first);
            assertThat(Files.readString(err)).contains("policy.drl:");

            Files.writeString(rules.resolve("policy.drl"), policy("SECOND"));
            waitFor(() -> !health(client, base).equals(first), err);
            String example = Files.readString(Path.of("../examples/situations/contract-example.json"));
            HttpResponse<String> advice = client.send(HttpRequest.newBuilder(base.resolve("/advice"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(example)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(advice.body()).contains("\"action\":\"SECOND\"").doesNotContain("FIRST");
            assertThat(get(client, base, "/metrics").body()).contains("sereno_policy_reloads_total{outcome=\"ok\"} 1.0")
                    .contains("sereno_policy_reloads_total{outcome=\"rejected\"} 1.0");
            // the page reads the rules of the revision now serving
            assertThat(get(client, base, "/rules/Always%20recommend%20SECOND").body())
                    .contains("\"file\":\"policy.drl\"").contains(health(client, base).replaceAll(".*\"policy\":\"(\\w+)\".*", "$1"));
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
            p.destroyForcibly();
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void waitFor(Check check, Path stderr) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!check.holds()) {
            assertThat(System.nanoTime()).as("waited 90 s; stderr: %s", Files.readString(stderr)).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static HttpResponse<String> get(HttpClient client, URI base, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String health(HttpClient client, URI base) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
