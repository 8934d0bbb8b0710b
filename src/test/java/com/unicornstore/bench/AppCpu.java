package com.unicornstore.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * The application's CPU time over some work, in the test JVM that also holds the benchmark's
 * clients and ElasticMQ: the process's CPU time ({@code OperatingSystemMXBean#getProcessCpuTime})
 * less what the client threads ({@link Clients}, and the JDK HTTP client's own threads) and
 * ElasticMQ's threads (its Pekko actor system) spent meanwhile, read per thread from the
 * {@link ThreadMXBean}. GC and JIT threads count as the application's; a thread that ended within
 * the window counts as the application's too. moto is a child process: its CPU is never in this
 * process's figure; it is read apart, from the child processes' CPU times ({@link ProcessHandle}).
 */
public final class AppCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private AppCpu() {}

    /** CPU nanoseconds of the process, of its threads that are not the application's, and of its child processes. */
    private record Reading(long process, Map<Long, Long> notTheApp, long children) {}

    /** CPU nanoseconds spent while some work ran: by the application, and by the child processes (moto). */
    public record Spent(long app, long children) {}

    public static Spent of(Runnable work) {
        Reading before = read();
        work.run();
        Reading after = read();
        long others = 0;
        for (Map.Entry<Long, Long> thread : after.notTheApp().entrySet()) {
            others += thread.getValue() - before.notTheApp().getOrDefault(thread.getKey(), 0L);
        }
        return new Spent(after.process() - before.process() - others, after.children() - before.children());
    }

    private static Reading read() {
        long process = OS.getProcessCpuTime();
        Map<Long, Long> notTheApp = new HashMap<>();
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null && !isTheApps(thread.getThreadName())) {
                long cpu = THREADS.getThreadCpuTime(thread.getThreadId());
                if (cpu >= 0) {
                    notTheApp.put(thread.getThreadId(), cpu);
                }
            }
        }
        long children = ProcessHandle.current().descendants()
                .mapToLong(child -> child.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L)).sum();
        return new Reading(process, notTheApp, children);
    }

    /** Clients, the JDK HTTP client the benchmarks send with, and ElasticMQ (Pekko) are not the application. */
    static boolean isTheApps(String thread) {
        return !(thread.startsWith(Clients.THREAD_PREFIX) || thread.startsWith("HttpClient-")
                || thread.contains("pekko") || thread.contains("elasticmq"));
    }
}
