package dev.sereno.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.engine.Advisor;
import dev.sereno.micrometer.SerenoMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The policy page in a real browser: headless Chromium (Debian's {@code chromium} and {@code chromium-driver})
 * driven through Selenium. Skipped, saying why, only on a machine without Chromium outside CI; under CI=true it
 * runs (and {@code .ci/run} installs Chromium first). Its screenshot goes to {@code cli/target/policy-page.png}, and
 * with {@code -Dsereno.screenshot=docs} also to {@code docs/images/policy-page.png} for the README.
 */
class PolicyPageBrowserTest {
    private static final String INSULT = "Usted miente, tenemos el albarán";
    private static Advisor advisor;
    private static AdviceServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start(@TempDir Path profile) throws IOException {
        Optional<Path> chromium = onPath("chromium", "chromium-browser");
        Optional<Path> driver = onPath("chromedriver");
        if (chromium.isEmpty() || driver.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("under CI the browser test must run, but chromium or chromedriver is not on the PATH: "
                        + "install chromium and chromium-driver (.ci/run does)");
            }
            Assumptions.abort("skipped: Chromium is not installed (apt-get install -y chromium chromium-driver); "
                    + "the policy page is not tested in a browser on this machine");
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        advisor = Advisor.builder().listener(new SerenoMetrics(registry)).build();
        server = AdviceServer.start(advisor, HttpSettings.onPort(0),
                new ServerFeatures(registry, true, List.of(demo("overdue-promise-es", "Teléfono, promesa vencida"),
                        demo("chat-perception-en", "Chat, a customer upset about slow service"))));
        ChromeOptions options = new ChromeOptions().setBinary(chromium.get().toFile()).addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,1100", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (advisor != null) {
            advisor.close();
        }
    }

    @Test
    void a_draft_with_an_insult_lights_up_and_blocks_until_fixed_and_broken_json_is_named() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://127.0.0.1:" + server.port() + "/?lang=en");

        wait.until(b -> new Select(b.findElement(By.id("demo"))).getOptions().size() > 1);
        new Select(browser.findElement(By.id("demo"))).selectByValue("overdue-promise-es");
        wait.until(b -> b.findElement(By.id("f-claim")).getDomProperty("value").contains("reembolso")
                || !b.findElement(By.id("f-claim")).getDomProperty("value").isEmpty());

        WebElement draft = browser.findElement(By.id("draft"));
        draft.clear();
        draft.sendKeys(INSULT);
        wait.until(b -> text(b.findElements(By.cssSelector("#highlights mark.blocking"))).contains("miente"));
        wait.until(b -> b.findElement(By.id("verdict")).getText().contains("BLOCKING"));
        assertThat(browser.findElement(By.id("verdict")).getDomAttribute("class")).contains("blocking");
        assertThat(browser.findElement(By.id("marked")).getText()).contains("BLOCKING").contains("Usted miente");

        // the warning explained: the guidance it cites and the rule's own DRL, from the policy serving
        WebElement why = browser.findElement(By.cssSelector(".advice-warnings li.blocking details summary"));
        why.click();
        wait.until(b -> b.findElement(By.cssSelector(".advice-warnings li.blocking details pre")).getText()
                .contains("rule \"Never call the customer a liar\""));
        assertThat(browser.findElement(By.cssSelector(".advice-warnings li.blocking details")).getText())
                .contains("G18").contains("records-disagree.drl:");
        screenshot();

        draft.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        draft.sendKeys("Entiendo su malestar. Según nuestros registros el pedido se entregó; ¿le envío ahora el albarán?");
        wait.until(b -> b.findElements(By.cssSelector("#highlights mark.blocking")).isEmpty()
                && b.findElement(By.id("verdict")).getDomAttribute("class").contains("clear"));
        assertThat(browser.findElement(By.id("verdict")).getText()).doesNotContain("BLOCKING");

        browser.findElement(By.cssSelector("#json-panel summary")).click();
        WebElement json = browser.findElement(By.id("json"));
        json.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        json.sendKeys("{\"locale\": \"es\", ");
        wait.until(b -> b.findElement(By.id("json-error")).getText().startsWith("Invalid JSON"));
        assertThat(browser.findElement(By.id("verdict")).getText()).contains("Fix the situation's JSON");

        json.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        json.sendKeys("{\"locale\": \"es\", \"complaint\": {\"channel\": \"FAX\"}}");
        wait.until(b -> b.findElement(By.id("f-channel-error")).getText().contains("complaint.channel"));
        assertThat(browser.findElement(By.id("problems")).getText()).isNotBlank();
    }

    @Test
    void the_highlighter_takes_the_offsets_when_given_and_finds_the_words_otherwise() {
        browser.get("http://127.0.0.1:" + server.port() + "/?lang=en");
        String draft = "😀 Usted miente, y USTED MIENTE otra vez";
        Object ranges = browser.executeAsyncScript("""
                const draft = arguments[0];
                const done = arguments[arguments.length - 1];
                import('/ui/highlight.js').then(m => done(JSON.stringify(m.locate(draft, [
                  { code: 'A', severity: 'CAUTION', span: 'USTED MIENTE', start: 19, end: 31 },
                  { code: 'B', severity: 'BLOCKING', span: 'usted miente' },
                  { code: 'C', severity: 'CAUTION', span: 'nowhere in the draft' }
                ]).map(r => [r.start, r.end, r.warning.code]))));
                """, draft);

        // offsets count UTF-16 units, as Java and JavaScript do: the emoji takes two
        assertThat(draft.substring(19, 31)).isEqualTo("USTED MIENTE");
        // A by its offsets; B, without offsets, by its words (case aside) at their first place; C nowhere
        assertThat(ranges).isEqualTo("[[3,15,\"B\"],[19,31,\"A\"]]");
    }

    private static String text(List<WebElement> marks) {
        return String.join(" ", marks.stream().map(m -> m.getDomProperty("textContent")).toList());
    }

    private static void screenshot() throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "policy-page.png");
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        if ("docs".equals(System.getProperty("sereno.screenshot"))) {
            Files.copy(shot, Path.of("..", "docs", "images", "policy-page.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static ServerFeatures.DemoSituation demo(String name, String title) throws IOException {
        try (InputStream in = PolicyPageBrowserTest.class.getResourceAsStream("/dev/sereno/cli/demo/" + name + ".json")) {
            return new ServerFeatures.DemoSituation(name, title, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Optional<Path> onPath(String... names) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator)).flatMap(dir -> Stream.of(names).map(n -> Path.of(dir, n)))
                .filter(Files::isExecutable).findFirst();
    }
}
