package dev.sereno.engine.internal.verify;

import dev.sereno.engine.internal.DrlText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Verifies what a policy folder compiled to before any of it runs: every class the executable model generated
 * from the DRL is read with ASM, and each method called, field touched, class created or named as a constant,
 * supertype, caught type and invokedynamic bootstrap must be on the {@link AllowList} (or be the policy's own
 * generated code, itself verified). Refusals name the DRL file, line, rule and the name that is not allowed. The
 * classes that pass are then bounded with {@link LoopBudget}. Internal API.
 */
public final class PolicyVerifier {
    /** The engine's description of the kjar itself, never loaded by Sereno (it builds the KieBase from the model). */
    private static final String PROJECT_MODEL_PACKAGE = "org/drools/project/model/";
    private static final Set<String> BOOTSTRAPS = Set.of(
            "java/lang/invoke/LambdaMetafactory.metafactory", "java/lang/invoke/LambdaMetafactory.altMetafactory",
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants", "java/lang/invoke/StringConcatFactory.makeConcat");

    /**
     * @param problems refusals as {@code file:line: rule "X" calls a.b.C.m, which rules may not use}; empty when all
     *                 passed
     * @param classes  the classes to load, instrumented, by binary name ({@code a.b.C}); empty when refused
     * @param places   {@code file:line} of each rule, function and type by the label its budget checks report
     *                 ({@code rule "X"}, as in {@link Budget.Exceeded#site()})
     */
    public record Result(List<String> problems, Map<String, byte[]> classes, Map<String, String> places) {
    }

    private PolicyVerifier() {
    }

    /**
     * @param classFiles the compiled module's classes by path ({@code a/b/C.class})
     * @param drl        the DRL files by the path the author knows, with their code told from comments and strings
     */
    public static Result verify(Map<String, byte[]> classFiles, Map<String, DrlText> drl) {
        return verify(classFiles, drl, true);
    }

    /**
     * As {@link #verify(Map, Map)}; with {@code check} false the classes are only instrumented, for measuring
     * what the check costs and for showing, in tests, what a refused policy would have done.
     */
    public static Result verify(Map<String, byte[]> classFiles, Map<String, DrlText> drl, boolean check) {
        List<ClassNode> classes = new ArrayList<>();
        Set<String> own = new HashSet<>();
        for (Map.Entry<String, byte[]> e : classFiles.entrySet()) {
            ClassNode cn = new ClassNode();
            new ClassReader(e.getValue()).accept(cn, 0);
            if (isProjectModel(cn)) {
                continue;
            }
            classes.add(cn);
            own.add(cn.name);
        }
        SourceMap map = new SourceMap(drl, classes, own);
        Set<String> problems = new LinkedHashSet<>();
        if (check) {
            for (ClassNode cn : classes) {
                new ClassCheck(cn, own, map, problems).run();
            }
        }
        if (!problems.isEmpty()) {
            return new Result(List.copyOf(problems), Map.of(), map.positions());
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (ClassNode cn : classes) {
            LoopBudget.instrument(cn, method -> map.site(cn.name, method).label());
            ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
            cn.accept(w);
            out.put(cn.name.replace('/', '.'), w.toByteArray());
        }
        return new Result(List.of(), out, map.positions());
    }

    private static boolean isProjectModel(ClassNode cn) {
        return cn.name.startsWith(PROJECT_MODEL_PACKAGE) && cn.name.indexOf('/', PROJECT_MODEL_PACKAGE.length()) < 0
                && cn.interfaces.contains("org/drools/modelcompiler/CanonicalKieModuleModel");
    }

    private static final class ClassCheck {
        private final ClassNode cn;
        private final Set<String> own;
        private final SourceMap map;
        private final Set<String> problems;

        ClassCheck(ClassNode cn, Set<String> own, SourceMap map, Set<String> problems) {
            this.cn = cn;
            this.own = own;
            this.map = map;
            this.problems = problems;
        }

        void run() {
            if (cn.superName != null) {
                type(null, "extends", cn.superName);
            }
            for (String i : cn.interfaces) {
                type(null, "implements", i);
            }
            for (MethodNode m : cn.methods) {
                method(m);
            }
        }

        private void method(MethodNode m) {
            for (TryCatchBlockNode t : m.tryCatchBlocks) {
                if (t.type != null) {
                    type(m.name, "catches", t.type);
                }
                int from = m.instructions.indexOf(t.start);
                int to = m.instructions.indexOf(t.end);
                int handler = m.instructions.indexOf(t.handler);
                if (handler >= from && handler < to) {
                    refuse(m.name, null, "has an exception handler that catches its own exceptions", null);
                }
            }
            for (AbstractInsnNode in : m.instructions) {
                if (in instanceof MethodInsnNode mi) {
                    member(m.name, mi.name.equals("<init>") ? "creates" : "calls", mi.owner, mi.name, mi.desc);
                } else if (in instanceof FieldInsnNode fi) {
                    boolean write = fi.getOpcode() == Opcodes.PUTFIELD || fi.getOpcode() == Opcodes.PUTSTATIC;
                    if (write && !own.contains(fi.owner)) {
                        refuse(m.name, "writes", dotted(fi.owner) + "." + fi.name, fi.name);
                    } else {
                        member(m.name, write ? "writes" : "reads", fi.owner, fi.name, null);
                    }
                } else if (in instanceof TypeInsnNode ti && ti.getOpcode() == Opcodes.NEW) {
                    type(m.name, "creates", ti.desc);
                } else if (in instanceof MultiANewArrayInsnNode ma) {
                    type(m.name, "creates", ma.desc);
                } else if (in instanceof LdcInsnNode ldc) {
                    constant(m.name, ldc.cst);
                } else if (in instanceof InvokeDynamicInsnNode indy) {
                    String bsm = indy.bsm.getOwner() + "." + indy.bsm.getName();
                    if (!BOOTSTRAPS.contains(bsm)) {
                        refuse(m.name, "uses the bootstrap", dotted(bsm), indy.name);
                    }
                    for (Object arg : indy.bsmArgs) {
                        constant(m.name, arg);
                    }
                } else if (in instanceof InsnNode insn
                        && (insn.getOpcode() == Opcodes.MONITORENTER || insn.getOpcode() == Opcodes.MONITOREXIT)) {
                    refuse(m.name, null, "synchronises on an object (threads are out of reach of rules)", "synchronized");
                }
            }
        }

        private void constant(String method, Object cst) {
            if (cst instanceof Type t) {
                if (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY) {
                    type(method, "refers to the class", t.getInternalName());
                }
            } else if (cst instanceof Handle h) {
                String verb = h.getTag() == Opcodes.H_NEWINVOKESPECIAL ? "creates"
                        : h.getTag() <= Opcodes.H_PUTSTATIC ? "touches" : "calls";
                if (h.getTag() == Opcodes.H_PUTFIELD || h.getTag() == Opcodes.H_PUTSTATIC) {
                    if (!own.contains(h.getOwner())) {
                        refuse(method, "writes", dotted(h.getOwner()) + "." + h.getName(), h.getName());
                    }
                } else {
                    member(method, verb, h.getOwner(), h.getName(), h.getTag() <= Opcodes.H_PUTSTATIC ? null : h.getDesc());
                }
            } else if (cst instanceof ConstantDynamic cd) {
                refuse(method, "loads the dynamic constant", cd.getName(), null);
            }
        }

        private void member(String method, String verb, String owner, String name, String desc) {
            if (own.contains(owner) || AllowList.allows(owner, name, desc)) {
                return;
            }
            String word = name.equals("<init>") ? simpleName(owner) : name;
            String what = name.equals("<init>") ? dotted(owner) : dotted(owner) + "." + name;
            refuse(method, verb.equals("creates") && !name.equals("<init>") ? "calls" : verb, what, word);
        }

        private void type(String method, String verb, String type) {
            String t = type;
            while (t.startsWith("[")) {
                t = t.substring(1);
            }
            if (t.startsWith("L") && t.endsWith(";")) {
                t = t.substring(1, t.length() - 1);
            }
            if (t.length() <= 1 || own.contains(t) || AllowList.knows(t)) {
                return;
            }
            refuse(method, verb, dotted(t), simpleName(t));
        }

        private void refuse(String method, String verb, String what, String word) {
            SourceMap.Site site = map.site(cn.name, method == null ? "" : method);
            String text = verb == null ? what : verb + " " + what + ", which rules may not use";
            problems.add(map.position(site, word) + ": " + site.label() + " " + text);
        }

        private static String dotted(String internalName) {
            return internalName.replace('/', '.');
        }

        private static String simpleName(String internalName) {
            String s = internalName.substring(internalName.lastIndexOf('/') + 1);
            return s.substring(s.lastIndexOf('$') + 1);
        }
    }
}
