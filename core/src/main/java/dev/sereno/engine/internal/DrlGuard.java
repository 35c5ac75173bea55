package dev.sereno.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks DRL from outside the jar before it is compiled. DRL can run any Java and no modern JDK sandboxes it, so
 * this allow-list is defence in depth against an author's mistake or a tampered file: imports outside the policy
 * vocabulary and calls that reach files, the network, processes, threads, reflection or class loaders are
 * rejected with {@code file:line:col} and the reason. It also enforces the house rules that keep advice pure:
 * rules insert new facts and never change or remove existing ones, and every rule cites its guidance.
 */
final class DrlGuard {
    private static final Pattern IMPORT = Pattern.compile("\\bimport\\s+(static\\s+|function\\s+|accumulate\\s+)?([\\w.]+(?:\\.\\*)?)");
    private static final List<String> ALLOWED_IMPORTS = List.of("dev.sereno.situation.", "dev.sereno.policy.",
            "dev.sereno.advice.", "java.time.", "java.math.", "java.util.", "java.lang.Math", "java.lang.String",
            "java.lang.StringBuilder", "java.lang.Integer", "java.lang.Long", "java.lang.Double", "java.lang.Boolean",
            "java.lang.Character");
    private static final List<String> FORBIDDEN_UNDER_ALLOWED = List.of("java.util.concurrent", "java.util.logging",
            "java.util.jar", "java.util.zip", "java.util.prefs", "java.util.ServiceLoader", "java.util.spi",
            "java.util.Timer", "java.util.Scanner", "java.time.Clock", "java.util.Random");

    private record Forbidden(Pattern pattern, String reason) {
    }

    private static final List<Forbidden> FORBIDDEN = List.of(
            new Forbidden(Pattern.compile("\\bjava\\s*\\.\\s*(io|net|nio)\\b"), "files and the network are out of reach of rules"),
            new Forbidden(Pattern.compile("\\bjava\\s*\\.\\s*lang\\s*\\.\\s*(reflect|invoke|management|instrument|ref|module)\\b"),
                    "reflection and JVM internals are out of reach of rules"),
            new Forbidden(Pattern.compile("\\b(javax|jdk|sun|com\\s*\\.\\s*sun|org\\s*\\.\\s*(drools|kie))\\s*\\."),
                    "platform and engine internals are out of reach of rules"),
            new Forbidden(Pattern.compile("\\b(Runtime|ProcessBuilder|ProcessHandle|Process)\\b"), "rules may not start processes"),
            new Forbidden(Pattern.compile("\\bSystem\\s*\\.\\s*\\w+"), "rules may not use System (exit, environment, properties, console, time)"),
            new Forbidden(Pattern.compile("\\b(Thread|ThreadGroup|ThreadLocal|InheritableThreadLocal|Executors?|ExecutorService|ForkJoinPool|CompletableFuture|Timer)\\b"),
                    "rules may not start or touch threads"),
            new Forbidden(Pattern.compile("\\b(ClassLoader|SecurityManager|Unsafe|MethodHandles?|ServiceLoader|ModuleLayer)\\b"),
                    "class loaders and reflection are out of reach of rules"),
            new Forbidden(Pattern.compile("\\bClass\\s*\\.\\s*forName\\b|\\.\\s*(getClass|getClassLoader|getDeclared\\w*|getMethods?|getFields?|getConstructors?|newInstance|setAccessible|invoke)\\s*\\("),
                    "reflection is out of reach of rules"),
            new Forbidden(Pattern.compile("\\b(Files|Paths|Path|File|FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile|Socket|ServerSocket|URL|URI|HttpClient|DatagramSocket)\\b"),
                    "files and the network are out of reach of rules"),
            new Forbidden(Pattern.compile("\\b(Instant|LocalDate|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|Clock)\\s*\\.\\s*now\\b|\\bnew\\s+(java\\s*\\.\\s*util\\s*\\.\\s*)?Date\\s*\\(\\s*\\)"),
                    "rules must not read the clock: use Situation.now"),
            new Forbidden(Pattern.compile("\\b(kcontext|drools\\s*\\.\\s*(getKieRuntime|getKnowledgeRuntime|getWorkingMemory|getEntryPoint|getContext|halt|getChannels))\\b"),
                    "rules may not reach into the engine"),
            new Forbidden(Pattern.compile("\\b(modify|update|retract|delete)\\s*\\("), "rules insert new facts and never change or remove facts"),
            new Forbidden(Pattern.compile("\\b(insertLogical|insert)\\s*\\(\\s*\\$"), "insert new advice facts, never a matched fact again"));

    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"\\n]*)\"");

    private DrlGuard() {
    }

    /** Every problem in one DRL file, each as {@code file:line:col: message}. */
    static List<String> check(String file, String drl, String originalForNames) {
        DrlText text = new DrlText(drl);
        List<String> problems = new ArrayList<>();
        Matcher im = IMPORT.matcher(text.code);
        while (im.find()) {
            String kind = im.group(1) == null ? "" : im.group(1).strip();
            String name = im.group(2);
            if (kind.equals("accumulate")) {
                problems.add(text.position(file, im.start()) + ": custom accumulate functions are not allowed in a policy folder");
            } else if (!allowedImport(name)) {
                problems.add(text.position(file, im.start(2)) + ": import " + name + " is not allowed; rules may import from "
                        + "dev.sereno.situation, dev.sereno.policy, dev.sereno.advice, java.time, java.math and java.util");
            }
        }
        String code = IMPORT.matcher(text.code).replaceAll(m -> " ".repeat(m.group().length()));
        for (Forbidden f : FORBIDDEN) {
            Matcher m = f.pattern().matcher(code);
            while (m.find()) {
                problems.add(text.position(file, m.start()) + ": \"" + m.group().replaceAll("\\s+", "") + "\" is not allowed: "
                        + f.reason());
            }
        }
        Matcher rm = RULE.matcher(text.original);
        while (rm.find()) {
            int when = text.code.indexOf("when", rm.end());
            String head = text.code.substring(rm.end(), when < 0 ? text.code.length() : when);
            if (!head.contains("@guidance")) {
                problems.add(text.position(file, rm.start(1) - 1) + ": rule \"" + rm.group(1)
                        + "\" has no @guidance(\"Gnn\"): every rule names the guidance it encodes");
            }
        }
        problems.sort(DrlGuard::byPosition);
        return problems;
    }

    static List<String> check(String file, String drl) {
        return check(file, drl, drl);
    }

    private static boolean allowedImport(String name) {
        if (FORBIDDEN_UNDER_ALLOWED.stream().anyMatch(name::startsWith)) {
            return false;
        }
        return ALLOWED_IMPORTS.stream().anyMatch(p -> name.startsWith(p) || name.equals(p));
    }

    static int byPosition(String a, String b) {
        String[] pa = a.split(":", 4);
        String[] pb = b.split(":", 4);
        int c = pa[0].compareTo(pb[0]);
        if (c != 0 || pa.length < 3 || pb.length < 3) {
            return c;
        }
        try {
            c = Integer.compare(Integer.parseInt(pa[1]), Integer.parseInt(pb[1]));
            return c != 0 ? c : Integer.compare(Integer.parseInt(pa[2]), Integer.parseInt(pb[2]));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
