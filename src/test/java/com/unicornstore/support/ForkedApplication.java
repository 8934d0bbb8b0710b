package com.unicornstore.support;

import static org.awaitility.Awaitility.await;

import com.unicornstore.platform.local.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A second instance of the platform in its own JVM (tests only), on the test JVM's classpath and
 * the same local backends, so a test can kill it with {@code kill -9} mid-work. Its output goes to
 * a file under {@code target/} for diagnosis; closing it always kills it.
 */
public final class ForkedApplication implements AutoCloseable {

    private final Process process;
    private final Path output;
    private final int port;

    private ForkedApplication(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /** Starts {@code mainClass} on a free port, pointed at the backends the test JVM's application uses. */
    public static ForkedApplication start(Class<?> mainClass, Path output, List<String> arguments) {
        int port = FreePort.pick("127.0.0.1", 0);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx384m",
                "-cp", System.getProperty("java.class.path"),
                mainClass.getName(),
                "--server.port=" + port,
                "--unicorn.aws.dynamodb-endpoint=" + System.getProperty("unicorn.aws.dynamodb-endpoint"),
                "--unicorn.aws.sqs-endpoint=" + System.getProperty("unicorn.aws.sqs-endpoint")));
        command.addAll(arguments);
        try {
            Files.createDirectories(output.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            return new ForkedApplication(process, output, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + mainClass.getName(), e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public Path output() {
        return output;
    }

    /** Waits until the instance printed {@code line}; fails early, pointing at its output, if it died. */
    public void awaitOutput(String line, Duration atMost) {
        await("instance printing '" + line + "' (see " + output + ")").atMost(atMost)
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Instance exited with " + process.exitValue() + "; see " + output);
                    }
                    return Files.readString(output).contains(line);
                });
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as an orchestrator stops a task: true once the instance has exited, within {@code atMost}. */
    public boolean stopGracefully(Duration atMost) {
        process.destroy();
        try {
            return process.waitFor(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no graceful stop, no lease released. */
    public void killHard() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops every fork still alive as an orchestrator would, SIGTERM to all at once, so that each
     * gives its saga and stream leases back and the next test's instance reads the stream at once;
     * what has not exited within {@code atMost} is killed.
     */
    public static void closeAll(java.util.Collection<ForkedApplication> forks, Duration atMost) {
        forks.stream().filter(ForkedApplication::isAlive).forEach(fork -> fork.process.destroy());
        long deadline = System.nanoTime() + atMost.toNanos();
        for (ForkedApplication fork : forks) {
            try {
                fork.process.waitFor(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            fork.close();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            killHard();
        }
    }
}
