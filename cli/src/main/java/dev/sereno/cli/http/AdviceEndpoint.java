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
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code POST /advice}: a situation in (JSON, contract v1), the advice out. The error answers carry the same
 * problem strings as the command line: 400 for a situation that is invalid or not JSON, 413 for a body over the
 * limit, 415 for a body that is not JSON in UTF-8, 500 naming the rule that failed.
 */
final class AdviceEndpoint implements Handler {
    /** The request attribute the request log reads the complaint id from (at DEBUG only). */
    static final String COMPLAINT = "sereno.complaint";

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
            body = ctx.bodyAsBytes(); // Javalin stops reading past http.maxRequestSize (chunked bodies)
        } catch (HttpResponseException e) {
            if (e.getStatus() != HttpStatus.CONTENT_TOO_LARGE.getCode()) {
                throw e;
            }
            Responses.errors(ctx, HttpStatus.CONTENT_TOO_LARGE, tooLarge());
            return;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            Responses.errors(ctx, HttpStatus.BAD_REQUEST, "the body is not valid UTF-8");
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
            // the Advisor has logged it (rule name and kind only); the caller gets the same one line
            Responses.errors(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "rule \"" + e.rule() + "\" failed: " + e.kind());
            return;
        }
        Responses.json(ctx, HttpStatus.OK, writer.writeLine(advice));
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
