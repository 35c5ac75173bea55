package dev.sereno.cli;

import dev.sereno.cli.http.AdviceServer;
import dev.sereno.cli.http.HttpSettings;
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
                + "GET /openapi.json.",
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

    @Option(names = "--watch", description = {"With --rules: reload the policy folder when it changes. A change is",
            "swapped in only when it passes check; otherwise the last good revision keeps serving, the problems",
            "are printed on stderr and /health shows them until a good change replaces it. /health and every",
            "advice name the revision serving."})
    boolean watch;

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
        PolicyChoice.Served served;
        try {
            served = policy.served(watch, err); // built once: every request shares it
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
            server = AdviceServer.start(advisor, settings, served.description());
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
                + ": POST /advice, GET /health, GET /openapi.json. Ctrl-C stops.");
        out.println("sereno: " + served.description().summary());
        if (served.description().mode() == dev.sereno.cli.http.ServedPolicy.Mode.REPLACE) {
            CheckCommand.replacementWarning(policy.rules, advisor).ifPresent(err::println);
        }
        out.flush();
        server.awaitStop();
        return Main.OK;
    }
}
