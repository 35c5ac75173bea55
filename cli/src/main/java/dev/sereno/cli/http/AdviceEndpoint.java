package dev.sereno.cli.http;

import dev.sereno.advice.Advice;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleFailureException;
import dev.sereno.json.AdviceJson;
import dev.sereno.json.SituationJson;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Problem;
import dev.sereno.situation.Situation;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import dev.sereno.json.Utf8;
import io.javalin.http.HttpStatus;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /advice}: a situation in (JSON, contract v1), the advice out. The error answers carry the same
 * problem strings as the command line: 400 for a situation that is invalid, not JSON or not UTF-8 (and for a body
 * that ended early), 408 for a body cut off as too slow, 413 for a body over the limit, 415 for a body not declared
 * JSON in UTF-8, 500 naming the rule that failed (or the class of an unexpected failure), 503 with
 * {@code Retry-After} when the call ran out of memory.
 */
final class AdviceEndpoint implements Handler {
    /** The request attribute the request log reads the complaint id from (at DEBUG only). */
    static final String COMPLAINT = "sereno.complaint";
    private static final Logger LOG = LoggerFactory.getLogger(AdviceEndpoint.class);

    private final Advisor advisor;
    private final int maxBodyBytes;
    private final SituationJson reader = new SituationJson();
    private final AdviceJson writer = new AdviceJson();

    AdviceEndpoint(Advisor advisor, int maxBodyBytes) {
        this.advisor = advisor;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(Context ctx) {
        String unsupported = unsupportedContentType(ctx.contentType());
        if (unsupported != null) {
            Responses.errors(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, unsupported);
            return;
        }
        // a declared length over the limit is refused before anything is read
        if (ctx.req().getContentLengthLong() > maxBodyBytes) {
            Responses.errors(ctx, HttpStatus.CONTENT_TOO_LARGE, tooLarge());
            return;
        }
        byte[] body;
        try {
            body = readBody(ctx.req().getInputStream());
        } catch (IOException e) {
            clientFault(ctx, e);
            return;
        }
        if (body == null) {
            Responses.errors(ctx, HttpStatus.CONTENT_TOO_LARGE, tooLarge());
            return;
        }
        String text;
        try {
            text = Utf8.decode(body, "the body");
        } catch (InvalidSituationException e) {
            Responses.errors(ctx, HttpStatus.BAD_REQUEST, e.problems().stream().map(Problem::toString).toList());
            return;
        }
        Situation situation;
        try {
            situation = reader.read(text);
        } catch (InvalidSituationException e) {
            Responses.errors(ctx, HttpStatus.BAD_REQUEST, e.problems().stream().map(Problem::toString).toList());
            return;
        }
        ctx.attribute(COMPLAINT, situation.complaint().id());
        Advice advice;
        try {
            advice = advisor.advise(situation);
        } catch (RuleFailureException e) {
            if (e.getCause() instanceof OutOfMemoryError) {
                outOfMemory(ctx);
                return;
            }
            // the Advisor has logged it (rule name and kind only); the caller gets the same one line
            Responses.errors(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "rule \"" + e.rule() + "\" failed: " + e.kind());
            return;
        } catch (OutOfMemoryError e) {
            outOfMemory(ctx);
            return;
        } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
            // not a typed rule failure: its message may quote the situation, so only its class reaches the log
            LOG.error("POST /advice failed: {} at {}", e.getClass().getName(), AdviceServer.origin(e));
            Responses.errors(ctx, HttpStatus.INTERNAL_SERVER_ERROR,
                    "the advice could not be given (" + e.getClass().getSimpleName() + "); see the server log");
            return;
        }
        Responses.json(ctx, HttpStatus.OK, writer.writeLine(advice));
    }

    /** One call's allocation, now garbage: the server keeps serving, and this caller may try again. */
    private static void outOfMemory(Context ctx) {
        LOG.error("POST /advice ran out of memory; answered 503");
        ctx.header("Retry-After", JsonErrorHandler.RETRY_AFTER_SECONDS);
        Responses.errors(ctx, HttpStatus.SERVICE_UNAVAILABLE,
                "the service ran out of memory for this situation; try again later (see Retry-After)");
    }

    /** The body, or null when it is over the limit; read no further than one byte past the limit. */
    private byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        return body.length > maxBodyBytes ? null : body;
    }

    /**
     * A body that could not be read: the client stopped, was too slow, or sent broken HTTP. One log line without a
     * stack trace; the answer, if the client is still there to read it, says which.
     */
    private static void clientFault(Context ctx, IOException e) {
        Throwable broken = null;
        Throwable slow = null;
        Throwable closed = null;
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof EOFException) {
                closed = closed == null ? c : closed;
            } else if (c instanceof HttpException) {
                broken = broken == null ? c : broken;
            } else if (c instanceof TimeoutException) {
                slow = slow == null ? c : slow;
            }
        }
        LOG.debug("POST /advice: the body could not be read", e);
        if (broken != null) {
            LOG.info("POST /advice: the body is not valid HTTP ({}); answered 400", broken.getClass().getSimpleName());
            Responses.errors(ctx, HttpStatus.BAD_REQUEST,
                    "the body could not be read as HTTP/1.1 (e.g. a malformed chunk); nothing was advised");
        } else if (slow != null) {
            LOG.info("POST /advice: the body arrived too slowly or stopped; answered 408");
            Responses.errors(ctx, HttpStatus.REQUEST_TIMEOUT,
                    "the body arrived too slowly or stopped; send the whole request at once");
        } else if (closed != null) {
            // Jetty reports a client gone mid-body and a malformed chunk alike, as an early end of the body
            LOG.info("POST /advice: the body ended early (the client closed mid-body, or sent a malformed chunk);"
                    + " answered 400");
            Responses.errors(ctx, HttpStatus.BAD_REQUEST, "the body ended before it was complete, or its chunked"
                    + " encoding is malformed; nothing was advised");
        } else {
            LOG.info("POST /advice: the body could not be read ({}); answered 400", e.getClass().getSimpleName());
            Responses.errors(ctx, HttpStatus.BAD_REQUEST, "the body could not be read; nothing was advised");
        }
    }

    private String tooLarge() {
        return "the body is larger than " + maxBodyBytes + " bytes; send one situation per request";
    }

    /** Null when the declared type is JSON in UTF-8 (the charset may be left out); else what to send instead. */
    static String unsupportedContentType(String header) {
        String expected = "send the situation with Content-Type: application/json";
        if (header == null || header.isBlank()) {
            return expected + " (no Content-Type was given)";
        }
        String[] parts = header.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals("application/json")) {
            return expected + "; was " + type;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            if (param.length == 2 && param[0].strip().equalsIgnoreCase("charset")) {
                String charset = param[1].strip().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8")) {
                    return "the situation must be encoded in UTF-8; was " + charset;
                }
            }
        }
        return null;
    }
}
