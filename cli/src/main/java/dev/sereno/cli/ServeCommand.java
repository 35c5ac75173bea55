package dev.sereno.cli;

import dev.sereno.cli.http.AdviceServer;
import dev.sereno.cli.http.HttpSettings;
import dev.sereno.cli.http.ServerFeatures;
import dev.sereno.micrometer.SerenoMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import dev.sereno.cli.http.ServerLimits;
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
        description = {"An HTTP decision service: a situation in, the advice out.",
                "POST /advice, GET /health, GET /openapi.json, GET /metrics (Prometheus), and for browsers the policy",
                "page at GET /.",
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

    @Option(names = "--max-connections", paramLabel = "N",
            description = "Open connections at most; past it new ones wait to be accepted (default ${DEFAULT-VALUE}).")
    int maxConnections = ServerLimits.DEFAULT_MAX_CONNECTIONS;

    @Option(names = "--max-in-flight", paramLabel = "N",
            description = "Requests handled at once at most, /health aside (default ${DEFAULT-VALUE}).")
    int maxInFlight = ServerLimits.DEFAULT_MAX_IN_FLIGHT;

    @Option(names = "--max-queued", paramLabel = "N",
            description = "Requests waiting for a free slot at most (default ${DEFAULT-VALUE}); more are answered"
                    + " 503 with Retry-After at once.")
    int maxQueued = ServerLimits.DEFAULT_MAX_QUEUED;

    @Option(names = "--queue-timeout", paramLabel = "MILLIS",
            description = "How long a request may wait for a slot before it is answered 503 (default ${DEFAULT-VALUE}).")
    long queueTimeoutMillis = ServerLimits.DEFAULT_QUEUE_TIMEOUT.toMillis();

    @Option(names = "--idle-timeout", paramLabel = "SECONDS",
            description = "A connection silent this long is closed (default ${DEFAULT-VALUE}).")
    long idleTimeoutSeconds = ServerLimits.DEFAULT_IDLE_TIMEOUT.toSeconds();

    @Option(names = "--min-body-rate", paramLabel = "BYTES",
            description = "Bytes per second a request body must arrive at, after its first second (default"
                    + " ${DEFAULT-VALUE}; 0 turns it off); a slower body is answered 408 and its connection closed.")
    long minBodyRate = ServerLimits.DEFAULT_MIN_BODY_RATE;

    @picocli.CommandLine.Mixin
    PolicyChoice policy;

    @Option(names = "--debug", description = "Print stack traces of failures.")
    boolean debug;

    /** A request's rules that run longer than this end as a rule failure, so no request holds a thread for ever. */
    static final long DEFAULT_DEADLINE_MILLIS = 5_000;

    @Option(names = "--deadline", paramLabel = "MILLIS",
            description = "Stop a request whose rules run longer than this, as a failure of the rule (default ${DEFAULT-VALUE}; 0: no limit).")
    long deadlineMillis = DEFAULT_DEADLINE_MILLIS;

    @Option(names = "--watch", description = "With --rules: reload the policy folder when it changes. "
            + "A change is swapped in only when it passes check; otherwise the last good revision keeps serving, "
            + "the problems are printed on stderr and /health shows them until a good change replaces it. "
            + "/health and every advice name the revision serving.")
    boolean watch;

    @Option(names = "--no-ui", description = "Serve no policy page: GET / and the page's endpoints "
            + "(/ui/*, /demo-situations, /rules/{name} with the rules' DRL text, /guidance/{id}) are left out.")
    boolean noUi;

    private ServerLimits limits() {
        return new ServerLimits(maxConnections, maxInFlight, maxQueued, Duration.ofMillis(queueTimeoutMillis),
                Duration.ofSeconds(idleTimeoutSeconds), minBodyRate);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HttpSettings settings;
        ServerLimits limits;
        try {
            settings = new HttpSettings(host, port, maxBody, Duration.ofSeconds(drainSeconds));
            limits = limits();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SerenoMetrics metrics = new SerenoMetrics(registry);
        PolicyChoice.Served served;
        try {
            policy.deadline = PolicyChoice.deadline(deadlineMillis);
            served = policy.served(watch, err, metrics, metrics); // built once: every request shares it
        } catch (PolicyChoice.BadInput e) {
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        } catch (RulesInvalidException e) {
            e.problems().forEach(err::println);
            return Main.FAILED;
        }
        Advisor advisor = served.advisor();
        AdviceServer server;
        try {
            server = AdviceServer.start(advisor, settings, limits, new ServerFeatures(registry, !noUi, demos()),
                    served.description());
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
        out.println("sereno: " + served.description().summary());
        if (served.description().mode() == dev.sereno.cli.http.ServedPolicy.Mode.REPLACE) {
            CheckCommand.replacementWarning(policy.rules, advisor).ifPresent(err::println);
        }
        out.flush();
        server.awaitStop();
        return Main.OK;
    }

    private static List<ServerFeatures.DemoSituation> demos() {
        return DemoCommand.SCENES.stream().map(scene -> new ServerFeatures.DemoSituation(scene[0], scene[1],
                DemoCommand.resource(scene[0]))).toList();
    }
}
