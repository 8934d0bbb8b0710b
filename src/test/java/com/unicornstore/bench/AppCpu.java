package com.unicornstore.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

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
    private static final com.sun.management.ThreadMXBean ALLOCATIONS = (com.sun.management.ThreadMXBean) THREADS;
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private AppCpu() {}

    /**
     * CPU nanoseconds of the process, of its threads that are not the application's, of the
     * application's threads (by id, with their group: the name without digits), and of its child processes.
     */
    private record Reading(long process, Map<Long, Long> notTheApp, Map<Long, Long> app, Map<Long, String> groups,
            Map<Long, Long> allocated, long children) {}

    /**
     * CPU nanoseconds spent while some work ran: by the application, and by the child processes
     * (moto); {@code byGroup} is the application's part per live thread group ({@code http-nio-#-exec-#},
     * {@code task-#}, ...): what the process figure holds beyond their sum is GC, JIT and threads that ended;
     * {@code appAllocated} the bytes the application's live threads allocated meanwhile (what the GC pays for).
     */
    public record Spent(long app, long children, Map<String, Long> byGroup, long appAllocated, long process) {
        /** What the process spent beyond the application: the benchmark's clients and ElasticMQ. */
        public long notTheApp() {
            return process - app;
        }

        /**
         * The application's thread groups that spent at least 1/{@code share} of its CPU, largest
         * first, as " group=value" with each group's nanoseconds divided by {@code per}.
         */
        public String largestGroups(int share, double per) {
            StringBuilder groups = new StringBuilder();
            byGroup.entrySet().stream().filter(group -> group.getValue() * share >= app)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(group -> groups.append(String.format(" %s=%.3f", group.getKey(), group.getValue() / per)));
            return groups.toString();
        }
    }

    public static Spent of(Runnable work) {
        Reading before = read();
        work.run();
        Reading after = read();
        long others = 0;
        for (Map.Entry<Long, Long> thread : after.notTheApp().entrySet()) {
            others += thread.getValue() - before.notTheApp().getOrDefault(thread.getKey(), 0L);
        }
        Map<String, Long> byGroup = new TreeMap<>();
        for (Map.Entry<Long, Long> thread : after.app().entrySet()) {
            byGroup.merge(after.groups().get(thread.getKey()),
                    thread.getValue() - before.app().getOrDefault(thread.getKey(), 0L), Long::sum);
        }
        long allocated = 0;
        for (Map.Entry<Long, Long> thread : after.allocated().entrySet()) {
            allocated += thread.getValue() - before.allocated().getOrDefault(thread.getKey(), 0L);
        }
        long process = after.process() - before.process();
        return new Spent(process - others, after.children() - before.children(), byGroup, allocated, process);
    }

    private static Reading read() {
        long process = OS.getProcessCpuTime();
        Map<Long, Long> notTheApp = new HashMap<>();
        Map<Long, Long> app = new HashMap<>();
        Map<Long, String> groups = new HashMap<>();
        Map<Long, Long> allocated = new HashMap<>();
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null) {
                long cpu = THREADS.getThreadCpuTime(thread.getThreadId());
                if (cpu < 0) {
                    continue;
                }
                if (isTheApps(thread.getThreadName())) {
                    app.put(thread.getThreadId(), cpu);
                    groups.put(thread.getThreadId(), thread.getThreadName().replaceAll("[0-9]+", "#"));
                    long bytes = ALLOCATIONS.getThreadAllocatedBytes(thread.getThreadId());
                    if (bytes >= 0) {
                        allocated.put(thread.getThreadId(), bytes);
                    }
                } else {
                    notTheApp.put(thread.getThreadId(), cpu);
                }
            }
        }
        long children = ProcessHandle.current().descendants()
                .mapToLong(child -> child.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L)).sum();
        return new Reading(process, notTheApp, app, groups, allocated, children);
    }

    /** Clients, the JDK HTTP client the benchmarks send with, and ElasticMQ (Pekko) are not the application. */
    static boolean isTheApps(String thread) {
        return !(thread.startsWith(Clients.THREAD_PREFIX) || thread.startsWith("HttpClient-")
                || thread.contains("pekko") || thread.contains("elasticmq"));
    }
}
