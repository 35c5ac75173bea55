package dev.sereno.engine.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a start's time goes, for measuring it: with {@code -Dsereno.startTimes=true}, each step of loading a policy
 * logs at DEBUG (logger {@code dev.sereno.start}) the milliseconds since the JVM started, the thread, and the CPU time
 * that thread has used. Off by default, and then free: nothing is looked up or logged. No personal data: step names
 * only. Internal API.
 */
public final class StartTimes {
    /** Whether the steps are timed: {@code -Dsereno.startTimes=true}. */
    public static final boolean ON = Boolean.getBoolean("sereno.startTimes");
    private static final Logger LOG = ON ? LoggerFactory.getLogger("dev.sereno.start") : null;

    private StartTimes() {
    }

    /** Logs that {@code step} is reached on this thread. */
    public static void mark(String step) {
        if (!ON) {
            return;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        LOG.debug("{} ms  {}  {}  (thread cpu {} ms)", ManagementFactory.getRuntimeMXBean().getUptime(), step,
                Thread.currentThread().getName(), threads.getCurrentThreadCpuTime() / 1_000_000);
    }
}
