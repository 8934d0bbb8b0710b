package com.unicornstore.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Lets the local backend have the CPU it asks for while a throughput comparison runs, as in
 * production, where DynamoDB does not share the instance's CPUs: this JVM's threads (the
 * application, the clients, ElasticMQ) run at a lower scheduling priority (nice {@value #NICE})
 * than moto, so the scheduler gives moto a core whenever it has work and the JVM every other
 * cycle of every core. moto serves one request at a time (one Python interpreter); on cores shared
 * at equal priority the scheduler handed moto's core to JVM threads in turn: measured on 2 cores,
 * moto was busy 79-86 % of a platform round and 92-97 % of a direct one, and the ratio said how
 * the scheduler shares two cores as much as what the platform costs. The JVM's own CPU per request
 * is a row of its own ({@code app.cpu-ms-per-request}). Closing puts the threads back at nice 0
 * (which needs the privilege to raise a priority; without it they stay lower, and it says so).
 */
public final class BackendPriority implements AutoCloseable {

    static final int NICE = 10;

    private BackendPriority() {}

    public static BackendPriority prioritise() {
        renice(NICE);
        return new BackendPriority();
    }

    @Override
    public void close() {
        renice(0);
    }

    /** Every live thread of this JVM at this nice value (threads it starts later inherit their creator's). */
    private static void renice(int nice) {
        List<String> command = new ArrayList<>(List.of("renice", "-n", String.valueOf(nice), "-p"));
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> command.add(task.getFileName().toString()));
        } catch (IOException e) {
            throw new IllegalStateException("no /proc/self/task: the backend cannot be given priority here", e);
        }
        try {
            Process renice = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(renice.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!renice.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("renice did not finish");
            }
            // a thread that ended since the listing is "No such process": nothing to change there
            List<String> failures = output.lines()
                    .filter(line -> line.contains("failed") && !line.contains("No such process")).toList();
            if (!failures.isEmpty()) {
                if (nice == 0) {
                    System.out.println("BENCH-NOTE this JVM's threads stay at nice " + NICE + ": " + failures.get(0));
                } else {
                    throw new IllegalStateException("renice " + nice + " failed: " + failures);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("renice (util-linux) is needed to give the backend priority", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
