package com.unicornstore.support;

import static org.awaitility.Awaitility.await;

import com.unicornstore.platform.local.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    /** The test instances' quick-start flags: small heap, C1 only, serial GC. */
    private static final List<String> QUICK_START = List.of(
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx384m");

    /** Starts {@code mainClass} on a free port, pointed at the backends the test JVM's application uses. */
    public static ForkedApplication start(Class<?> mainClass, Path output, List<String> arguments) {
        return start(mainClass.getName(), System.getProperty("java.class.path"), QUICK_START, output, arguments);
    }

    /**
     * Starts {@code mainClass} from {@code classpath} with {@code jvmFlags} on a free port, pointed at
     * the backends named by the {@code unicorn.aws.*-endpoint} system properties of this JVM.
     */
    public static ForkedApplication start(String mainClass, String classpath, List<String> jvmFlags, Path output,
            List<String> arguments) {
        return start(mainClass, classpath, jvmFlags, output, arguments, Path.of(""));
    }

    /** As above, run in {@code workingDirectory} (where the application finds routes/ and campaign-rules/). */
    public static ForkedApplication start(String mainClass, String classpath, List<String> jvmFlags, Path output,
            List<String> arguments, Path workingDirectory) {
        int port = FreePort.pick("127.0.0.1", 0);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", classpath, mainClass,
                "--server.port=" + port,
                "--unicorn.aws.dynamodb-endpoint=" + System.getProperty("unicorn.aws.dynamodb-endpoint"),
                "--unicorn.aws.sqs-endpoint=" + System.getProperty("unicorn.aws.sqs-endpoint")));
        command.addAll(arguments);
        try {
            Files.createDirectories(output.getParent());
            Process process = new ProcessBuilder(command).directory(workingDirectory.toAbsolutePath().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            return new ForkedApplication(process, output, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + mainClass, e);
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
                    requireAlive();
                    return Files.readString(output).contains(line);
                });
    }

    /**
     * Waits until the instance takes traffic: its {@code /readyz} answers 200. "Started
     * UnicornStoreApplication" is logged just before Spring Boot marks it ready, and until then
     * every request is 503 starting.
     */
    public void awaitReady(Duration atMost) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                .timeout(Duration.ofSeconds(2)).build();
        await("instance ready on port " + port + " (see " + output + ")").atMost(atMost)
                .pollInterval(Duration.ofMillis(100)).ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                    requireAlive();
                    return http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    /** Fails a wait early, pointing at the instance's output, once it has died. */
    private void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Instance exited with " + process.exitValue() + "; see " + output);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as an orchestrator stops a task: true once the instance has exited, within {@code atMost}. */
    public boolean stopGracefully(Duration atMost) {
        sigterm();
        return awaitExit(atMost);
    }

    /** True once the instance has exited, within {@code atMost}. */
    public boolean awaitExit(Duration atMost) {
        try {
            return process.waitFor(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM without waiting: the test watches what the instance does while it stops. */
    public void sigterm() {
        process.destroy();
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
