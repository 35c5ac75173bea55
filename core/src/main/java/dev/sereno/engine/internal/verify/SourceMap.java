package dev.sereno.engine.internal.verify;

import dev.sereno.engine.internal.DrlText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Maps the classes and methods the executable model generates back to what the author wrote: a rule (the method
 * that builds it names it, and refers to the classes of its conditions and consequence), a function (a static method
 * of the same name), a declared type (a class of the same name); then to a file and line of the DRL.
 */
final class SourceMap {
    /** A place in the DRL: what it is ({@code rule "X"}, {@code function f}, {@code type T}) and where its text is. */
    record Site(String label, String file, int start, int end) {
    }

    private static final String D = "org/drools/modelcompiler/dsl/pattern/D";
    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*rule\\s+(\"[^\"\\n]*\"|'[^'\\n]*'|[\\w$]+)");
    private static final Pattern FUNCTION = Pattern.compile("(?m)^[ \\t]*function\\s+[\\w.$<>\\[\\], ?]+?\\s+([\\w$]+)\\s*\\(");
    private static final Pattern DECLARE = Pattern.compile("(?m)^[ \\t]*declare\\s+(?:trait\\s+|enum\\s+)?([\\w$.]+)");
    private static final Pattern NEXT_UNIT = Pattern.compile("(?m)^[ \\t]*(rule|function|declare|query)\\b");

    private final Map<String, DrlText> files = new HashMap<>();
    private final Map<String, Site> rules = new HashMap<>();
    private final Map<String, Site> functions = new HashMap<>();
    private final Map<String, Site> types = new HashMap<>();
    private final Map<String, Site> byClass = new HashMap<>();
    private final Map<String, Site> byMethod = new HashMap<>();
    private final Site fallback;

    SourceMap(Map<String, DrlText> drl, List<ClassNode> classes, Set<String> own) {
        String firstFile = null;
        for (Map.Entry<String, DrlText> e : drl.entrySet()) {
            String file = e.getKey();
            firstFile = firstFile == null ? file : firstFile;
            DrlText t = e.getValue();
            files.put(file, t);
            collect(RULE, file, t, rules, true);
            collect(FUNCTION, file, t, functions, false);
            collect(DECLARE, file, t, types, false);
        }
        fallback = new Site("the policy's generated code", firstFile == null ? "?" : firstFile, 0, 0);
        for (ClassNode c : classes) {
            String simple = c.name.substring(c.name.lastIndexOf('/') + 1);
            Site type = types.get(simple);
            if (type != null) {
                byClass.put(c.name, type);
            }
            for (MethodNode m : c.methods) {
                Site fn = (m.access & Opcodes.ACC_STATIC) != 0 ? functions.get(m.name) : null;
                if (fn != null) {
                    byMethod.put(c.name + "." + m.name, fn);
                }
                String rule = ruleBuiltBy(m);
                if (rule != null && rules.containsKey(rule)) {
                    Site site = rules.get(rule);
                    byMethod.put(c.name + "." + m.name, site);
                    for (String ref : ownReferences(m, own)) {
                        if (ref.contains(".")) {
                            byMethod.putIfAbsent(ref, site);
                        } else {
                            byClass.putIfAbsent(ref, site);
                        }
                    }
                }
            }
        }
    }

    private void collect(Pattern p, String file, DrlText t, Map<String, Site> into, boolean quoted) {
        Matcher m = p.matcher(t.code);
        while (m.find()) {
            String name = t.original.substring(m.start(1), m.end(1));
            if (quoted && name.length() >= 2 && (name.charAt(0) == '"' || name.charAt(0) == '\'')) {
                name = name.substring(1, name.length() - 1);
            }
            Matcher next = NEXT_UNIT.matcher(t.code);
            int end = next.find(m.end()) ? next.start() : t.code.length();
            String label = p == RULE ? "rule \"" + name + "\"" : p == FUNCTION ? "function " + name : "type " + name;
            into.putIfAbsent(name, new Site(label, file, m.start(1), end));
        }
    }

    /** The rule a generated method builds: the name passed to {@code D.rule(package, name)}. */
    private static String ruleBuiltBy(MethodNode m) {
        for (AbstractInsnNode in : m.instructions) {
            if (in instanceof MethodInsnNode mi && mi.owner.equals(D) && mi.name.equals("rule")
                    && mi.desc.startsWith("(Ljava/lang/String;Ljava/lang/String;)")) {
                AbstractInsnNode prev = mi.getPrevious();
                while (prev != null && prev.getOpcode() < 0) {
                    prev = prev.getPrevious();
                }
                if (prev instanceof LdcInsnNode ldc && ldc.cst instanceof String name) {
                    return name;
                }
            }
        }
        return null;
    }

    /** The generated classes (and lambda bodies, as {@code Class.method}) a rule-building method refers to. */
    private static List<String> ownReferences(MethodNode m, Set<String> own) {
        List<String> out = new ArrayList<>();
        for (AbstractInsnNode in : m.instructions) {
            if (in instanceof TypeInsnNode t && own.contains(t.desc)) {
                out.add(t.desc);
            } else if (in instanceof FieldInsnNode f && own.contains(f.owner)) {
                out.add(f.owner);
            } else if (in instanceof MethodInsnNode mi && own.contains(mi.owner)) {
                out.add(mi.owner);
            } else if (in instanceof LdcInsnNode l && l.cst instanceof Type t && t.getSort() == Type.OBJECT
                    && own.contains(t.getInternalName())) {
                out.add(t.getInternalName());
            } else if (in instanceof InvokeDynamicInsnNode indy) {
                for (Object a : indy.bsmArgs) {
                    if (a instanceof Handle h && own.contains(h.getOwner())) {
                        out.add(h.getOwner() + "." + h.getName());
                    }
                }
            }
        }
        return out;
    }

    /** {@code file:line} of every rule, function and type, by its label ({@code rule "X"}). */
    Map<String, String> positions() {
        Map<String, String> out = new HashMap<>();
        for (Map<String, Site> sites : List.of(rules, functions, types)) {
            sites.values().forEach(s -> out.put(s.label(), position(s, null)));
        }
        return out;
    }

    /** Where code of {@code method} in {@code owner} came from. */
    Site site(String owner, String method) {
        Site s = byMethod.get(owner + "." + method);
        if (s == null) {
            s = byClass.get(owner);
        }
        if (s == null) {
            // a lambda inside a consequence class, or a nested class of a declared type
            int dollar = owner.indexOf('$');
            s = dollar > 0 ? byClass.get(owner.substring(0, dollar)) : null;
        }
        return s == null ? fallback : s;
    }

    /**
     * {@code file:line} of the first use of {@code word} in the site's text, as a whole word, or of the site itself
     * when the word is not written there (an escape or a generated call).
     */
    String position(Site s, String word) {
        DrlText t = files.get(s.file());
        if (t == null) {
            return s.file() + ":1";
        }
        int at = s.start();
        if (word != null && !word.isEmpty() && s.end() > s.start()) {
            Matcher m = Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])").matcher(t.code)
                    .region(s.start(), s.end());
            if (m.find()) {
                at = m.start();
            }
        }
        return s.file() + ":" + t.line(at);
    }
}
