package dev.sereno.cli.http;

import dev.sereno.engine.Advisor;
import dev.sereno.json.ErrorsJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP decision service: {@code POST /advice}, {@code GET /health}, {@code GET /openapi.json}, on an embedded
 * Jetty (through Javalin). One {@link Advisor}, built by the caller, serves every request; closing the server stops
 * accepting connections, lets the requests in flight finish (up to the drain timeout) and then returns. The
 * Advisor stays open: whoever built it closes it.
 */
public final class AdviceServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdviceServer.class);
    private static final String OPENAPI = "openapi.json";

    private final Javalin app;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private AdviceServer(Javalin app) {
        this.app = app;
    }

    /** Starts serving the advice, health and OpenAPI endpoints with the default limits; returns once the port is bound. */
    public static AdviceServer start(Advisor advisor, HttpSettings settings) {
        return start(advisor, settings, ServerLimits.DEFAULTS);
    }

    /** Starts serving the advice, health and OpenAPI endpoints; returns once the port is bound. */
    public static AdviceServer start(Advisor advisor, HttpSettings settings, ServerLimits limits) {
        return start(advisor, settings, limits, ServerFeatures.NONE, bundled(advisor));
    }

    /** Starts serving, with {@code features} besides, describing the bundled policy; returns once the port is bound. */
    public static AdviceServer start(Advisor advisor, HttpSettings settings, ServerFeatures features) {
        return start(advisor, settings, ServerLimits.DEFAULTS, features, bundled(advisor));
    }

    /** Starts serving, describing the policy as {@code served} says; returns once the port is bound. */
    public static AdviceServer start(Advisor advisor, HttpSettings settings, ServedPolicy served) {
        return start(advisor, settings, ServerLimits.DEFAULTS, ServerFeatures.NONE, served);
    }

    private static ServedPolicy bundled(Advisor advisor) {
        return new ServedPolicy(ServedPolicy.Mode.BUNDLED, null, java.time.Clock.systemUTC()).serving(advisor);
    }

    /**
     * Starts serving within {@code limits}, with {@code features} besides (metrics, the page), describing the policy
     * as {@code served} says; returns once the port is bound.
     */
    public static AdviceServer start(Advisor advisor, HttpSettings settings, ServerLimits limits, ServerFeatures features,
                                     ServedPolicy served) {
        byte[] openApi = openApi();
        AdviceEndpoint advice = new AdviceEndpoint(advisor, settings.maxBodyBytes());
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.startup.startupWatcherEnabled = false;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.prefer405over404 = true;
            config.jetty.addConnector((server, http) -> connector(server, http, settings, limits));
            config.jetty.modifyServer(server -> protect(server, settings, limits));
            config.requestLogger.http(RequestLog::log);
            config.routes.post("/advice", advice);
            // read per request: with --watch the revision serving changes while the server runs
            describePolicy(config, served);
            config.routes.get("/openapi.json", ctx -> ctx.contentType(Responses.JSON).result(openApi));
            if (features.metrics() != null) {
                config.routes.get("/metrics", new MetricsEndpoint(features.metrics()));
            }
            if (features.page()) {
                PageRoutes.register(config.routes, advisor, features.demos());
            }
            config.routes.error(HttpStatus.NOT_FOUND, ctx -> unknownEndpoint(ctx, "no such endpoint"));
            config.routes.error(HttpStatus.METHOD_NOT_ALLOWED, ctx -> unknownEndpoint(ctx, "method not allowed"));
            config.routes.exception(Exception.class, (e, ctx) -> {
                // not the caller's fault and not a rule: the operator gets the class and where it was thrown, never
                // the message (it may quote the request); the trace itself only at DEBUG
                LOG.error("{} {} failed: {} at {}", ctx.method(), ctx.path(), e.getClass().getName(), origin(e));
                LOG.debug("{} {} failed", ctx.method(), ctx.path(), e);
                Responses.errors(ctx, HttpStatus.INTERNAL_SERVER_ERROR,
                        "the advice could not be given (" + e.getClass().getSimpleName() + "); see the server log");
            });
            config.router.javaLangErrorHandler(AdviceServer::unexpectedError);
        });
        app.start();
        return new AdviceServer(app);
    }

    /**
     * {@code GET /health} and, for a client asking for JSON, {@code GET /}: what is being served. Read per request:
     * with --watch the revision serving changes while the server runs.
     */
    private static void describePolicy(io.javalin.config.JavalinConfig config, ServedPolicy served) {
        config.routes.get("/health", ctx -> Responses.json(ctx, HttpStatus.OK, served.healthJson()));
        config.routes.get("/", ctx -> {
            // a browser got the policy page before this route, when the page is on; a client asking for JSON gets
            // the description
            if (wantsJson(ctx.header("Accept"))) {
                Responses.json(ctx, HttpStatus.OK, served.toJson().toString());
            } else {
                unknownEndpoint(ctx.status(HttpStatus.NOT_FOUND), "no such endpoint");
            }
        });
    }

    /** Whether an Accept header asks for JSON in preference to a page. */
    static boolean wantsJson(String accept) {
        if (accept == null) {
            return false;
        }
        String a = accept.toLowerCase(java.util.Locale.ROOT);
        return a.contains("application/json") && !a.contains("text/html");
    }

    /**
     * An {@link Error} that escaped a route (POST /advice catches its own): answered in JSON like every other error,
     * 503 with {@code Retry-After} for running out of memory, else 500; logged as its class, never its message.
     */
    static void unexpectedError(HttpServletResponse response, Error error) {
        boolean memory = error instanceof OutOfMemoryError;
        LOG.error("a request failed: {} at {}", error.getClass().getName(), origin(error));
        response.setStatus(memory ? HttpStatus.SERVICE_UNAVAILABLE.getCode() : HttpStatus.INTERNAL_SERVER_ERROR.getCode());
        if (memory) {
            response.setHeader("Retry-After", JsonErrorHandler.RETRY_AFTER_SECONDS);
        }
        response.setContentType(Responses.JSON);
        try {
            response.getOutputStream().write(ErrorsJson.of(memory ? "the service ran out of memory; try again later"
                    + " (see Retry-After)" : "the request could not be answered (" + error.getClass().getSimpleName()
                    + "); see the server log").getBytes(StandardCharsets.UTF_8));
        } catch (IOException | IllegalStateException e) {
            LOG.debug("the error answer could not be written", e);
        }
    }

    /** The one listening socket, with the idle timeout: a connection silent for longer is closed. */
    private static Connector connector(Server server, HttpConfiguration http, HttpSettings settings, ServerLimits limits) {
        http.setIdleTimeout(limits.idleTimeout().toMillis());
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        return connector;
    }

    /**
     * Jetty's protections against slow, broken and too many clients, outermost first: a cap on connections; a
     * graceful stop; a minimum rate for request bodies; bodies read without holding a thread (a client trickling
     * its body ties up a buffer, not one of the threads that answer); a cap on requests in flight, the excess
     * queued briefly then answered 503; and every error Jetty answers by itself in the contract's JSON.
     */
    private static void protect(Server server, HttpSettings settings, ServerLimits limits) {
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
        server.setErrorHandler(new JsonErrorHandler(settings.maxBodyBytes()));
        server.setStopTimeout(settings.drainTimeout().toMillis());
        // Server.insertHandler puts each handler outside those inserted before it: innermost first
        server.insertHandler(inFlightLimit(limits));
        server.insertHandler(eagerBody(settings));
        server.insertHandler(new MinimumBodyRate(limits.minBodyRate()));
        // without a graceful handler Jetty's stop cuts requests in flight; with it, stop waits for them
        server.insertHandler(new GracefulHandler());
    }

    /** Reads a request body in full, asynchronously, before a thread is given to the request. */
    private static Handler.Wrapper eagerBody(HttpSettings settings) {
        // room for chunk framing above the body limit: the endpoint applies the exact limit
        long retained = (long) settings.maxBodyBytes() + 64 * 1024;
        EagerContentHandler eager = new EagerContentHandler(
                new EagerContentHandler.RetainedContentLoaderFactory(retained, -1, true));
        eager.includeMethod("POST", "PUT", "PATCH");
        return eager;
    }

    private static Handler.Wrapper inFlightLimit(ServerLimits limits) {
        QoSHandler qos = new QoSHandler() {
            @Override
            protected void reject(Request request, Response response, Callback callback, int status) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, JsonErrorHandler.RETRY_AFTER_SECONDS);
                super.reject(request, response, callback, status);
            }
        };
        qos.setMaxRequestCount(limits.maxInFlight());
        qos.setMaxSuspendedRequestCount(limits.maxQueued());
        qos.setMaxSuspend(limits.queueTimeout());
        qos.setRejectStatusCode(org.eclipse.jetty.http.HttpStatus.SERVICE_UNAVAILABLE_503);
        qos.excludePath("/health"); // a busy service still says it is up
        return qos;
    }

    /** Where an unexpected exception was thrown: its first stack frame, without the message. */
    static String origin(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length == 0 ? "?" : trace[0].toString();
    }

    private static void unknownEndpoint(Context ctx, String what) {
        String answered = ctx.res().getContentType();
        if (answered != null && answered.startsWith("application/json")) {
            return; // an endpoint that exists answered 404 itself (no such rule, no such guidance id): keep its words
        }
        Responses.errors(ctx, ctx.status(), what + ": " + ctx.method() + " " + ctx.path()
                + "; the service has POST /advice, GET /health and GET /openapi.json");
    }

    private static byte[] openApi() {
        try (InputStream in = AdviceServer.class.getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI description " + OPENAPI + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port the server listens on (the one picked when started on port 0). */
    public int port() {
        return app.port();
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /**
     * Stops accepting, drains the requests in flight (up to the drain timeout; those still running then are cut
     * off), stops. Safe to call twice.
     */
    @Override
    public void close() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        try {
            app.stop();
        } catch (io.javalin.util.JavalinException e) {
            if (!(e.getCause() instanceof java.util.concurrent.TimeoutException)) {
                throw e;
            }
            // Jetty stops the server all the same and only reports, at the end, that the drain ran out of time:
            // the requests still in flight then had their connections closed
            LOG.warn("stopped after the drain timeout; requests still in flight then were cut off");
        } finally {
            stopped.countDown();
        }
    }
}
