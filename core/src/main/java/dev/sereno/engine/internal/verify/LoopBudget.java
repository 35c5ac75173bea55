package dev.sereno.engine.internal.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Bounds policy code: a call to {@link Budget#tick(String)} before every backward jump (each turn of a loop), at
 * the entry of every method (each step of a recursion) and at the start of every exception handler (so that code
 * catching the budget's error cannot go on). The call leaves the operand stack and locals as they were, so the
 * existing stack map frames stay valid; only the maximum stack grows, which the writer recomputes.
 */
final class LoopBudget {
    private static final String BUDGET = Type.getInternalName(Budget.class);

    private LoopBudget() {
    }

    /** @param siteOf the label of the DRL code a method came from, by method name */
    static void instrument(ClassNode cn, Function<String, String> siteOf) {
        for (MethodNode m : cn.methods) {
            if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 || m.instructions.size() == 0) {
                continue;
            }
            String site = siteOf.apply(m.name);
            List<AbstractInsnNode> before = new ArrayList<>();
            for (AbstractInsnNode in : m.instructions) {
                if (jumpsBack(m.instructions, in)) {
                    before.add(in);
                }
            }
            for (AbstractInsnNode in : before) {
                m.instructions.insertBefore(in, tick(site));
            }
            Set<LabelNode> handlers = new HashSet<>();
            for (TryCatchBlockNode t : m.tryCatchBlocks) {
                handlers.add(t.handler);
            }
            for (LabelNode h : handlers) {
                m.instructions.insert(afterFrame(h), tick(site));
            }
            if (!m.name.equals("<init>") && !m.name.equals("<clinit>")) {
                m.instructions.insert(tick(site));
            }
        }
    }

    private static InsnList tick(String site) {
        InsnList l = new InsnList();
        l.add(new LdcInsnNode(site));
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, BUDGET, "tick", "(Ljava/lang/String;)V", false));
        return l;
    }

    /** The label itself, or the line number and frame right after it, which must stay attached to it. */
    private static AbstractInsnNode afterFrame(LabelNode label) {
        AbstractInsnNode at = label;
        while (at.getNext() != null && (at.getNext().getType() == AbstractInsnNode.LINE
                || at.getNext().getType() == AbstractInsnNode.FRAME)) {
            at = at.getNext();
        }
        return at;
    }

    private static boolean jumpsBack(InsnList list, AbstractInsnNode in) {
        int here = list.indexOf(in);
        if (in instanceof JumpInsnNode j) {
            return list.indexOf(j.label) <= here;
        }
        if (in instanceof TableSwitchInsnNode t) {
            return list.indexOf(t.dflt) <= here || t.labels.stream().anyMatch(l -> list.indexOf(l) <= here);
        }
        if (in instanceof LookupSwitchInsnNode s) {
            return list.indexOf(s.dflt) <= here || s.labels.stream().anyMatch(l -> list.indexOf(l) <= here);
        }
        return false;
    }
}
