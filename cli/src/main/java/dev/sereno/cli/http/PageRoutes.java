package dev.sereno.cli.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.internal.RuleInfo;
import dev.sereno.engine.internal.RuleLocation;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The policy page: {@code GET /} for browsers (a client that accepts {@code text/html}), its files under
 * {@code /ui/}, and what it reads besides {@code POST /advice}: the demo situations, a rule's text from the policy
 * serving, and the guidance an item cites. Plain files from the jar; no third-party script, nothing fetched from
 * elsewhere.
 */
final class PageRoutes {
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HTML = "text/html; charset=utf-8";
    /** The page's files and their types: nothing else under /ui/ is served. */
    private static final Map<String, String> FILES = Map.of(
            "index.html", HTML,
            "app.js", "text/javascript; charset=utf-8",
            "highlight.js", "text/javascript; charset=utf-8",
            "i18n.js", "text/javascript; charset=utf-8",
            "style.css", "text/css; charset=utf-8");
    private static final String CONTENT_SECURITY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    private final Advisor advisor;
    private final List<ServerFeatures.DemoSituation> demos;
    private final GuidanceCatalogue guidance = GuidanceCatalogue.bundled();
    private final Map<String, byte[]> files = new java.util.HashMap<>();

    private PageRoutes(Advisor advisor, List<ServerFeatures.DemoSituation> demos) {
        this.advisor = advisor;
        this.demos = demos;
        FILES.keySet().forEach(name -> files.put(name, read("ui/" + name)));
    }

    static void register(RoutesConfig routes, Advisor advisor, List<ServerFeatures.DemoSituation> demos) {
        PageRoutes page = new PageRoutes(advisor, demos);
        // a browser asking for / gets the page; any other client goes on to whatever else answers GET /
        routes.before("/", ctx -> {
            if (ctx.method().name().equals("GET") && acceptsHtml(ctx.header("Accept"))) {
                page.file(ctx, "index.html");
                ctx.skipRemainingHandlers();
            }
        });
        routes.get("/ui/{file}", ctx -> page.file(ctx, ctx.pathParam("file")));
        routes.get("/demo-situations", page::demos);
        routes.get("/rules/{name}", page::rule);
        routes.get("/guidance/{id}", page::guidance);
    }

    static boolean acceptsHtml(String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
    }

    private void file(Context ctx, String name) {
        byte[] body = files.get(name);
        if (body == null) {
            Responses.errors(ctx, HttpStatus.NOT_FOUND, "no such page file: /ui/" + name);
            return;
        }
        ctx.header("Content-Security-Policy", CONTENT_SECURITY).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-cache").contentType(FILES.get(name)).result(body);
    }

    private void demos(Context ctx) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setCodec(MAPPER);
            g.writeStartArray();
            for (ServerFeatures.DemoSituation d : demos) {
                g.writeStartObject();
                g.writeStringField("name", d.name());
                g.writeStringField("title", d.title());
                g.writeFieldName("situation");
                g.writeTree(MAPPER.readTree(d.json()));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        Responses.json(ctx, HttpStatus.OK, out.toString());
    }

    /** The rule's guidance, file, line and DRL text, from the revision serving now (it changes with --watch). */
    private void rule(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        var policy = advisor.policy();
        RuleInfo info = policy.rules().get(name);
        if (info == null) {
            Responses.errors(ctx, HttpStatus.NOT_FOUND, "no rule named \"" + name + "\" in policy " + policy.revision());
            return;
        }
        Optional<RuleLocation> at = policy.ruleLocation(name);
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("name", name);
            g.writeStringField("policy", policy.revision());
            g.writeArrayFieldStart("guidance");
            for (String id : info.guidance()) {
                g.writeString(id);
            }
            g.writeEndArray();
            if (at.isPresent()) {
                g.writeStringField("file", at.get().file());
                g.writeNumberField("line", at.get().line());
                g.writeStringField("source", at.get().source());
            }
            g.writeEndObject();
        }
        Responses.json(ctx, HttpStatus.OK, out.toString());
    }

    private void guidance(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        Optional<GuidanceCatalogue.Entry> entry = guidance.find(id);
        if (entry.isEmpty()) {
            Responses.errors(ctx, HttpStatus.NOT_FOUND, "no guidance " + id + " in the catalogue (docs/guidance.md)");
            return;
        }
        GuidanceCatalogue.Entry e = entry.get();
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", e.id());
            g.writeStringField("section", e.section());
            g.writeStringField("guidance", e.guidance());
            g.writeStringField("when", e.when());
            g.writeStringField("kind", e.kind());
            g.writeStringField("source", e.source());
            g.writeEndObject();
        }
        Responses.json(ctx, HttpStatus.OK, out.toString());
    }

    private static byte[] read(String resource) {
        try (InputStream in = PageRoutes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the page file " + resource + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
