package dev.sereno.cli.http;

import dev.sereno.json.ErrorsJson;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/** Writes JSON answers, errors included, the one way the service answers. */
final class Responses {
    static final String JSON = "application/json; charset=utf-8";

    private Responses() {
    }

    static void json(Context ctx, HttpStatus status, String body) {
        ctx.status(status).contentType(JSON).result(body);
    }

    static void errors(Context ctx, HttpStatus status, String error) {
        json(ctx, status, ErrorsJson.of(error));
    }

    static void errors(Context ctx, HttpStatus status, List<String> errors) {
        json(ctx, status, ErrorsJson.of(errors));
    }
}
