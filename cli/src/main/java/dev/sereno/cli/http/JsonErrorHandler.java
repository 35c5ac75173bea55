package dev.sereno.cli.http;

import dev.sereno.json.ErrorsJson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's own error answers — a request it refuses before any route sees it (a header or path too large, a bad
 * {@code Content-Length}, a malformed chunk, a body over the limit, too many requests in flight) or a failure no
 * route caught — in the contract's shape, {@code {"errors": ["..."]}}, instead of Jetty's HTML page. Each is one
 * log line without a stack trace: the client's mistakes at INFO, a failure of the server's own at WARN. Nothing
 * from the request but its method and the status reaches the log.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(JsonErrorHandler.class);
    /** Seconds a client told to come back later (503) should wait. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final int maxBodyBytes;

    JsonErrorHandler(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int code = response.getStatus();
        Throwable cause = (Throwable) request.getAttribute(ERROR_EXCEPTION);
        if (cause instanceof HttpException http) {
            code = http.getCode();
            response.setStatus(code);
        }
        log(request.getMethod(), code, cause);
        response.getHeaders().put(ERROR_CACHE_CONTROL);
        if (code == HttpStatus.SERVICE_UNAVAILABLE_503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        if (HttpStatus.hasNoBody(code) || "HEAD".equals(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Responses.JSON);
        response.write(true, ByteBuffer.wrap(body(code)), callback);
        return true;
    }

    /** The answer to a request so broken that Jetty has no request to hand to {@link #handle} (HTTP/1 parse errors). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        LOG.info("refused a request Jetty could not parse: {}", status);
        fields.put(HttpHeader.CONTENT_TYPE, Responses.JSON);
        return ByteBuffer.wrap(body(status));
    }

    private static void log(String method, int code, Throwable cause) {
        String kind = cause == null || cause instanceof HttpException ? "" : " (" + cause.getClass().getSimpleName() + ")";
        if (code >= 500 && code != HttpStatus.SERVICE_UNAVAILABLE_503) {
            LOG.warn("{} answered {}{}", method, code, kind);
        } else {
            LOG.info("{} refused with {}{}", method, code, kind);
        }
    }

    byte[] body(int code) {
        return ErrorsJson.of(message(code)).getBytes(StandardCharsets.UTF_8);
    }

    /** The one line a client gets for each status Jetty answers by itself. */
    String message(int code) {
        return switch (code) {
            case HttpStatus.BAD_REQUEST_400 -> "the request is not valid HTTP/1.1 (e.g. a bad Content-Length, a malformed"
                    + " chunk or header); nothing was advised";
            case HttpStatus.REQUEST_TIMEOUT_408 -> "the request did not arrive in time (too slow, or it stopped); send it"
                    + " again at once";
            case HttpStatus.PAYLOAD_TOO_LARGE_413 -> "the body is larger than " + maxBodyBytes
                    + " bytes; send one situation per request";
            case HttpStatus.URI_TOO_LONG_414 -> "the request line is too long; the service's paths are short"
                    + " (POST /advice, GET /health, GET /openapi.json)";
            case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> "the request headers are too large; send fewer or"
                    + " shorter headers";
            case HttpStatus.SERVICE_UNAVAILABLE_503 -> "the service is busy; try again in " + RETRY_AFTER_SECONDS
                    + " second (see Retry-After)";
            case HttpStatus.NOT_FOUND_404 -> "no such endpoint; the service has POST /advice, GET /health and"
                    + " GET /openapi.json";
            case HttpStatus.METHOD_NOT_ALLOWED_405 -> "method not allowed";
            case HttpStatus.INTERNAL_SERVER_ERROR_500 -> "the request could not be answered; see the server log";
            default -> "the request could not be answered (" + code + " " + HttpStatus.getMessage(code) + ")";
        };
    }
}
