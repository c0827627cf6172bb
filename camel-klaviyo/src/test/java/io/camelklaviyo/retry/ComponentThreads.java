package io.camelklaviyo.retry;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples the JVM's threads for one parked or sleeping while component code is on its stack: a thread that waits
 * (a sleep, a join, a latch) inside the component instead of scheduling what comes next. Test code, idle pool threads
 * and threads that merely run component code do not count.
 */
final class ComponentThreads {

    private static final String COMPONENT_PACKAGE = "io.camelklaviyo.";
    private static final Map<String, Boolean> MAIN_CODE = new ConcurrentHashMap<>();
    /** Where a waiting thread stands: parked (locks, futures, latches), sleeping, or in Object.wait. */
    private static final Set<String> WAITS = Set.of("jdk.internal.misc.Unsafe.park", "java.lang.Thread.sleep",
            "java.lang.Thread.sleep0", "java.lang.Object.wait", "java.lang.Object.wait0");

    private ComponentThreads() {
    }

    /**
     * The threads caught waiting in component code, each with its stack. State and stack come from one snapshot
     * (Thread.getState() and getStackTrace() are read at different moments, so a busy thread can look idle), and
     * the thread must stand in a waiting primitive itself (park, sleep, wait), not merely be passing through.
     */
    static List<String> waitingInComponentCode() {
        List<String> waiting = new ArrayList<>();
        long self = Thread.currentThread().getId();
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            StackTraceElement[] stack = thread.getStackTrace();
            if (thread.getThreadId() == self || stack.length == 0) {
                continue;
            }
            Thread.State state = thread.getThreadState();
            boolean parked = (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)
                             && WAITS.contains(stack[0].getClassName() + "." + stack[0].getMethodName());
            if (parked && Arrays.stream(stack).anyMatch(frame -> isMainComponentCode(frame.getClassName()))) {
                waiting.add(thread.getThreadName() + " (" + state + "): " + Arrays.toString(stack));
            }
        }
        return waiting;
    }

    /** A class of the component itself, not of its tests (which share its packages). */
    private static boolean isMainComponentCode(String className) {
        if (!className.startsWith(COMPONENT_PACKAGE)) {
            return false;
        }
        return MAIN_CODE.computeIfAbsent(className, name -> {
            try {
                CodeSource source = Class.forName(name, false, ComponentThreads.class.getClassLoader())
                        .getProtectionDomain().getCodeSource();
                return source == null || !source.getLocation().getPath().contains("test-classes");
            } catch (ClassNotFoundException | LinkageError e) {
                return true;
            }
        });
    }
}
