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
 * rules insert new facts and never change or remove existing ones, every rule cites its guidance, and the one global
 * a policy may declare is its thresholds ({@code global PolicyParameters policy;}).
 */
final class DrlGuard {
    private static final Pattern IMPORT = Pattern.compile("\\bimport\\s+(static\\s+|function\\s+|accumulate\\s+)?([\\w.]+(?:\\.\\*)?)");
    private static final List<String> ALLOWED_IMPORTS = List.of("dev.sereno.situation.", "dev.sereno.policy.",
            "dev.sereno.advice.", "java.time.", "java.math.", "java.util.", "java.lang.Math", "java.lang.String",
            "java.lang.StringBuilder", "java.lang.Integer", "java.lang.Long", "java.lang.Double", "java.lang.Boolean",
            "java.lang.Character");
    private static final List<String> FORBIDDEN_UNDER_ALLOWED = List.of("java.util.concurrent", "java.util.logging",
            "java.util.jar", "java.util.zip", "java.util.prefs", "java.util.ServiceLoader", "java.util.spi",
            "java.util.Timer", "java.util.Scanner", "java.time.Clock", "java.util.Random", "java.util.Formatter",
            "java.util.Calendar", "java.util.GregorianCalendar", "java.util.TimeZone", "java.util.Date", "java.util.UUID",
            "java.util.Properties", "java.util.stream", "java.util.regex", "java.util.random", "java.util.SplittableRandom");

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
            new Forbidden(Pattern.compile("\\bMath\\s*\\.\\s*random\\b|\\b(Random|SecureRandom|ThreadLocalRandom|SplittableRandom)\\b|\\bUUID\\s*\\.\\s*randomUUID\\b"),
                    "rules must not draw random numbers: the same situation always gets the same advice"),
            new Forbidden(Pattern.compile("\\b(kcontext|drools\\s*\\.\\s*(getRuntime|getKieRuntime|getKnowledgeRuntime|getWorkingMemory|getEntryPoint|getContext|halt|getChannels))\\b"),
                    "rules may not reach into the engine"),
            new Forbidden(Pattern.compile("\\bjava\\s*\\.\\s*(beans|rmi|sql|awt|applet)\\b|\\b(Expression|Statement|Naming|Introspector|XMLDecoder|XMLEncoder)\\b"),
                    "reflection and the network are out of reach of rules"),
            new Forbidden(Pattern.compile("\\b(Formatter|FileHandler|StreamHandler|ConsoleHandler|Logger|LogManager|Preferences|ZipFile|JarFile|ZipInputStream|Scanner|Properties)\\b"),
                    "files, logs and settings are out of reach of rules"),
            new Forbidden(Pattern.compile("\\.\\s*now\\s*\\(|\\b(Calendar|GregorianCalendar|TimeZone|Date)\\b|\\bcurrentTimeMillis\\b|\\bnanoTime\\b"),
                    "rules must not read the clock: use Situation.now"),
            new Forbidden(Pattern.compile("\\b(StrictMath\\s*\\.\\s*random|UUID\\s*\\.\\s*(randomUUID|nameUUIDFromBytes))\\b"),
                    "rules must not draw random numbers: the same situation always gets the same advice"),
            new Forbidden(Pattern.compile("\\b(Locale|TimeZone)\\s*\\.\\s*(setDefault|getDefault)\\b"),
                    "rules must not read or change the JVM's defaults"),
            new Forbidden(Pattern.compile("\\bStringConcatHelper\\b|\\bjava\\s*\\.\\s*lang\\s*\\.\\s*(?!(Math|String|StringBuilder|Integer|Long|Double|Boolean|Character|Object|Comparable|Iterable|Number|Short|Byte|Float|Enum|Exception|RuntimeException|IllegalArgumentException|IllegalStateException)\\b)[A-Z]\\w*"),
                    "only java.lang's value types are within reach of rules"),
            new Forbidden(Pattern.compile("\\bsalience\\b"),
                    "rules never set salience: the order of firing must not change the advice (see the policy authoring guide)"),
            new Forbidden(Pattern.compile("\\bsynchronized\\b"), "rules may not start or touch threads"),
            new Forbidden(Pattern.compile("\\b(modify|update|retract|delete)\\s*\\("), "rules insert new facts and never change or remove facts"),
            new Forbidden(Pattern.compile("\\b(insertLogical|insert)\\s*\\(\\s*\\$"), "insert new advice facts, never a matched fact again"));

    // matched in the code (comments and strings blanked), so that a rule commented out is not checked; the name is
    // then read from the original text at the same place
    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*rule\\s+(\"[^\"\\n]*\"|'[^'\\n]*'|[\\w$]+)");
    private static final Pattern WHEN = Pattern.compile("\\bwhen\\b");
    private static final Pattern GUIDANCE = Pattern.compile("@guidance\\s*\\(([^)]*)\\)");
    private static final Pattern GUIDANCE_ID = Pattern.compile("G\\d+|H\\d{2}");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"\\n]*)\"");
    private static final Pattern GLOBAL = Pattern.compile("(?m)^[ \\t]*global\\b\\s*([\\w.$]*)\\s*([\\w$]*)");
    private static final java.util.Set<String> PARAMETERS_TYPE = java.util.Set.of("PolicyParameters",
            "dev.sereno.policy.PolicyParameters");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9A-Fa-f]{0,4}");

    private DrlGuard() {
    }

    /** Every problem in one DRL file, each as {@code file:line:col: message}. */
    static List<String> check(String file, String drl) {
        DrlText text = new DrlText(drl);
        List<String> problems = new ArrayList<>();
        // Java reads \\uXXXX escapes before anything else, anywhere: one can end a comment or a string early, or
        // spell a name no check below would see. A policy writes each character itself.
        Matcher escape = UNICODE_ESCAPE.matcher(text.original);
        while (escape.find()) {
            problems.add(text.position(file, escape.start()) + ": \"" + escape.group() + "\" is not allowed: Java reads "
                    + "unicode escapes before anything else, so they can hide code; write the character itself");
        }
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
        // the one global is the thresholds, set by the engine on every call and immutable: no other shared state
        Matcher global = GLOBAL.matcher(text.code);
        while (global.find()) {
            if (!PARAMETERS_TYPE.contains(global.group(1)) || !global.group(2).equals(Policy.PARAMETERS_GLOBAL)) {
                problems.add(text.position(file, global.start()) + ": \"global " + global.group(1) + " " + global.group(2)
                        + "\" is not allowed: the only global a policy may declare is \"global PolicyParameters "
                        + Policy.PARAMETERS_GLOBAL + ";\", its thresholds, which the engine sets");
            }
        }
        Matcher rm = RULE.matcher(text.code);
        while (rm.find()) {
            problems.addAll(checkGuidance(file, text, rm));
        }
        problems.sort(DrlGuard::byPosition);
        return problems;
    }

    /** Every rule cites the guidance it encodes, as ids such as G18. */
    private static List<String> checkGuidance(String file, DrlText text, Matcher rule) {
        String name = text.original.substring(rule.start(1), rule.end(1));
        Matcher when = WHEN.matcher(text.code);
        int headEnd = when.find(rule.end()) ? when.start() : text.code.length();
        Matcher g = GUIDANCE.matcher(text.code).region(rule.end(), headEnd);
        if (!g.find()) {
            return List.of(text.position(file, rule.start(1)) + ": rule " + name
                    + " has no @guidance(\"Gnn\"): every rule names the guidance it encodes");
        }
        // ids are written @guidance("G18"), @guidance("G44", "G45") or @guidance("G27,G39")
        List<String> problems = new ArrayList<>();
        int ids = 0;
        Matcher quoted = QUOTED.matcher(text.original).region(g.start(1), g.end(1));
        while (quoted.find()) {
            int at = quoted.start(1);
            for (String part : quoted.group(1).split(",", -1)) {
                String id = part.strip();
                if (!id.isEmpty()) {
                    ids++;
                    if (!GUIDANCE_ID.matcher(id).matches()) {
                        problems.add(text.position(file, at + part.indexOf(id)) + ": rule " + name + " cites \"" + id
                                + "\", which is not a guidance id such as G18 nor a house id such as H01");
                    }
                }
                at += part.length() + 1;
            }
        }
        if (ids == 0) {
            String inside = text.original.substring(g.start(1), g.end(1));
            String what = inside.isBlank() || inside.indexOf('"') >= 0 ? " has an empty @guidance" : " has its @guidance ids without quotes";
            return List.of(text.position(file, g.start()) + ": rule " + name + what
                    + ": name the guidance it encodes as @guidance(\"G18\")");
        }
        return problems;
    }

    /** Entries ending in a dot are packages (and what is under them); the others are whole class names. */
    static boolean allowedImport(String name) {
        if (FORBIDDEN_UNDER_ALLOWED.stream().anyMatch(f -> name.equals(f) || name.startsWith(f + "."))) {
            return false;
        }
        return ALLOWED_IMPORTS.stream().anyMatch(p -> p.endsWith(".") ? name.startsWith(p) : name.equals(p));
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
