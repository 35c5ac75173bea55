package dev.sereno.cli.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.PolicyListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What is being served, said the same way on the start-up line, in {@code GET /health} and in {@code GET /}: the
 * revision and its rule count, the bundled policy's version, the policy folder and whether it extends or replaces
 * the bundled policy, and the last change of the folder that was rejected, with its problems, until a good one
 * replaces it. As a {@link PolicyListener} on a reloading Advisor it follows every reload.
 */
public final class ServedPolicy implements PolicyListener {
    /** How the policy folder relates to the bundled policy. */
    public enum Mode {
        /** The bundled policy alone. */
        BUNDLED,
        /** The bundled policy plus the folder: same-named files replace bundled ones, the rest add up. */
        EXTEND,
        /** The folder alone, without the bundled policy. */
        REPLACE
    }

    /** A change of the folder that did not pass check: the revision kept serving and why the change was refused. */
    public record Rejected(Instant at, String keptRevision, List<String> problems) {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Mode mode;
    private final Path folder;
    private final String bundledVersion;
    private final Clock clock;
    private final AtomicReference<Advisor> advisor = new AtomicReference<>();
    private final AtomicReference<Rejected> lastRejected = new AtomicReference<>();

    public ServedPolicy(Mode mode, Path folder, Clock clock) {
        this.mode = mode;
        this.folder = folder == null ? null : folder.toAbsolutePath().normalize();
        this.bundledVersion = bundledPolicyVersion();
        this.clock = clock;
    }

    /** The Advisor serving; set once it is built (the listener is given to its builder before). */
    public ServedPolicy serving(Advisor value) {
        advisor.set(value);
        return this;
    }

    public Mode mode() {
        return mode;
    }

    /**
     * The last rejected change, while it is the last word: once the Advisor serves another revision than the one
     * kept, a good change has replaced it (the swap can be seen a moment before {@link #onReloaded} is called).
     */
    public Rejected lastRejected() {
        Rejected r = lastRejected.get();
        Advisor a = advisor.get();
        return r == null || a != null && !a.policyRevision().equals(r.keptRevision()) ? null : r;
    }

    @Override
    public void onReloaded(String previousRevision, String newRevision) {
        lastRejected.set(null);
    }

    @Override
    public void onReloadFailed(String keptRevision, List<String> problems) {
        lastRejected.set(new Rejected(clock.instant(), keptRevision, problems));
    }

    /** One line for people: "policy 3f2a… (85 rules): the bundled policy 0.1.0 extended by /etc/sereno/policy". */
    public String summary() {
        Advisor a = advisor.get();
        String head = a == null ? "policy (not loaded)"
                : "policy " + a.policyRevision() + " (" + a.policy().rules().size() + " rules)";
        String what = switch (mode) {
            case BUNDLED -> "the bundled policy " + bundledVersion;
            case EXTEND -> "the bundled policy " + bundledVersion + " extended by " + folder;
            case REPLACE -> folder + " alone, replacing the bundled policy " + bundledVersion;
        };
        Rejected r = lastRejected();
        return head + ": " + what + (r == null ? "" : "; the last change was rejected (" + r.problems().size()
                + (r.problems().size() == 1 ? " problem" : " problems") + ")");
    }

    /** The description as a JSON object, the {@code served} member of {@code /health}. */
    public ObjectNode toJson() {
        ObjectNode out = JSON.createObjectNode();
        Advisor a = advisor.get();
        if (a != null) {
            out.put("revision", a.policyRevision());
            out.put("rules", a.policy().rules().size());
        }
        out.put("bundledVersion", bundledVersion);
        out.put("mode", mode.name().toLowerCase(java.util.Locale.ROOT));
        if (folder != null) {
            out.put("folder", folder.toString());
        }
        Rejected r = lastRejected();
        if (r != null) {
            ObjectNode rejected = out.putObject("lastRejectedChange");
            rejected.put("at", r.at().toString());
            rejected.put("keptRevision", r.keptRevision());
            ArrayNode problems = rejected.putArray("problems");
            r.problems().forEach(problems::add);
        }
        return out;
    }

    /** {@code /health}: up, the revision serving (as before), and what it is. */
    public String healthJson() {
        ObjectNode out = JSON.createObjectNode();
        out.put("status", "UP");
        Advisor a = advisor.get();
        out.put("policy", a == null ? "" : a.policyRevision());
        out.set("served", toJson());
        return out.toString();
    }

    /** The version of the sereno-rules jar on the class path, or "(development build)" when it is not a jar. */
    static String bundledPolicyVersion() {
        try (InputStream in = ServedPolicy.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/dev.sereno/sereno-rules/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v.strip();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled policy's version", e);
        }
        return "(development build)";
    }
}
