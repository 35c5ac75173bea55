package dev.sereno.cli.http;

import dev.sereno.engine.Advisor;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.handler.GracefulHandler;
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

    /** Starts serving the advice, health and OpenAPI endpoints only; returns once the port is bound. */
    public static AdviceServer start(Advisor advisor, HttpSettings settings) {
        return start(advisor, settings, ServerFeatures.NONE);
    }

    /** Starts serving, with {@code features} besides; returns once the port is bound. */
    public static AdviceServer start(Advisor advisor, HttpSettings settings, ServerFeatures features) {
        byte[] openApi = openApi();
        AdviceEndpoint advice = new AdviceEndpoint(advisor, settings.maxBodyBytes());
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.startup.startupWatcherEnabled = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(server -> {
                // without a graceful handler Jetty's stop cuts requests in flight; with it, stop waits for them
                server.insertHandler(new GracefulHandler());
                server.setStopTimeout(settings.drainTimeout().toMillis());
            });
            config.requestLogger.http(RequestLog::log);
            config.routes.post("/advice", advice);
            // read per request: with --watch the revision serving changes while the server runs
            config.routes.get("/health", ctx -> Responses.json(ctx, HttpStatus.OK,
                    "{\"status\":\"UP\",\"policy\":\"" + advisor.policyRevision() + "\"}"));
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
                // not the caller's fault and not a rule: log it whole for the operator, answer in one line
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                Responses.errors(ctx, HttpStatus.INTERNAL_SERVER_ERROR,
                        "the advice could not be given (" + e.getClass().getSimpleName() + "); see the server log");
            });
        });
        app.start();
        return new AdviceServer(app);
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

    /** Stops accepting, drains the requests in flight (up to the drain timeout), stops. Safe to call twice. */
    @Override
    public void close() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        try {
            app.stop();
        } finally {
            stopped.countDown();
        }
    }
}
