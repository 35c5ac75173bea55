package dev.sereno.cli;

import dev.sereno.cli.http.AdviceServer;
import dev.sereno.cli.http.HttpSettings;
import dev.sereno.cli.http.ServerFeatures;
import dev.sereno.micrometer.SerenoMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.RulesInvalidException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"An HTTP decision service: POST /advice (a situation in, the advice out), GET /health, "
                + "GET /openapi.json, GET /metrics (Prometheus), and for browsers the policy page at GET /.",
                "Stops on SIGTERM or Ctrl-C, letting the requests in flight finish."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = HttpSettings.DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "Address to listen on (default ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface).")
    String host = HttpSettings.DEFAULT_HOST;

    @Option(names = "--max-body", paramLabel = "BYTES", description = "Largest request body accepted (default ${DEFAULT-VALUE}).")
    int maxBody = HttpSettings.DEFAULT_MAX_BODY_BYTES;

    @Option(names = "--drain", paramLabel = "SECONDS",
            description = "On stop, how long to wait for requests in flight (default ${DEFAULT-VALUE}).")
    long drainSeconds = HttpSettings.DEFAULT_DRAIN_TIMEOUT.toSeconds();

    @picocli.CommandLine.Mixin
    PolicyChoice policy;

    @Option(names = "--debug", description = "Print stack traces of failures.")
    boolean debug;

    /** A request's rules that run longer than this end as a rule failure, so no request holds a thread for ever. */
    static final long DEFAULT_DEADLINE_MILLIS = 5_000;

    @Option(names = "--deadline", paramLabel = "MILLIS",
            description = "Stop a request whose rules run longer than this, as a failure of the rule (default ${DEFAULT-VALUE}; 0: no limit).")
    long deadlineMillis = DEFAULT_DEADLINE_MILLIS;

    @Option(names = "--watch", description = {"With --rules: reload the policy folder when it changes. A change is",
            "swapped in only when it passes check; otherwise the last good revision keeps serving and the problems",
            "are printed on stderr. /health and every advice name the revision serving."})
    boolean watch;

    @Option(names = "--no-ui", description = {"Serve no policy page: GET / and the page's endpoints (/ui/*,",
            "/demo-situations, /rules/{name} with the rules' DRL text, /guidance/{id}) are left out."})
    boolean noUi;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HttpSettings settings;
        try {
            settings = new HttpSettings(host, port, maxBody, Duration.ofSeconds(drainSeconds));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SerenoMetrics metrics = new SerenoMetrics(registry);
        Advisor advisor;
        try {
            policy.deadline = PolicyChoice.deadline(deadlineMillis);
            // built once: every request shares it
            advisor = watch ? policy.watchingAdvisor(err, metrics, metrics) : policy.advisor(metrics);
        } catch (PolicyChoice.BadInput e) {
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        } catch (RulesInvalidException e) {
            e.problems().forEach(err::println);
            return Main.FAILED;
        }
        AdviceServer server;
        try {
            server = AdviceServer.start(advisor, settings, new ServerFeatures(registry, !noUi, demos()));
        } catch (RuntimeException e) {
            advisor.close();
            throw e;
        }
        // SIGTERM and Ctrl-C run the shutdown hooks: drain, then release the policy
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            advisor.close();
            err.println("sereno: stopped");
            err.flush();
        }, "sereno-shutdown"));
        out.println("sereno: serving advice on http://" + settings.host() + ":" + server.port()
                + " (policy " + advisor.policyRevision() + "): POST /advice, GET /health, GET /openapi.json,"
                + " GET /metrics" + (noUi ? "" : "; the policy page for browsers at GET /") + ". Ctrl-C stops.");
        out.flush();
        server.awaitStop();
        return Main.OK;
    }

    private static List<ServerFeatures.DemoSituation> demos() {
        return DemoCommand.SCENES.stream().map(scene -> new ServerFeatures.DemoSituation(scene[0], scene[1],
                DemoCommand.resource(scene[0]))).toList();
    }
}
