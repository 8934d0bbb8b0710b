package com.unicornstore.platform.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A moto server child process: the local DynamoDB and DynamoDB Streams. Used by the local
 * profile and by the tests; its state lives in memory and dies with the process, which itself
 * ends when the JVM that started it is gone, killed or not.
 */
public final class MotoServer implements AutoCloseable {

    private static final String LAUNCHER = "/local/moto_launcher.py";

    private final Process process;
    private final String host;
    private final int port;

    private MotoServer(Process process, String host, int port) {
        this.process = process;
        this.host = host;
        this.port = port;
    }

    /** Starts moto on {@code host:port} and returns once it accepts connections. */
    public static MotoServer start(Path executable, String host, int port, Duration timeout) {
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("moto server not found at " + executable
                    + ": run ./mvnw initialize (it creates .venv), or set AWS_ENDPOINT_URL to use a running backend");
        }
        Path log = Path.of(System.getProperty("java.io.tmpdir"), "unicorn-moto-" + port + ".log");
        try {
            Process process = new ProcessBuilder(List.of(python(executable).toString(), "-c", launcher(),
                    "-H", host, "-p", String.valueOf(port)))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .start();
            MotoServer server = new MotoServer(process, host, port);
            server.awaitListening(timeout, log);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start moto server " + executable, e);
        }
    }

    /** The interpreter of moto's virtual environment: the {@code python} next to {@code moto_server}. */
    private static Path python(Path motoServer) {
        Path python = motoServer.toAbsolutePath().getParent().resolve("python");
        if (!Files.isExecutable(python)) {
            throw new IllegalStateException("no python next to " + motoServer);
        }
        return python;
    }

    /** moto's entry point wrapped in a watch that ends it once this JVM is gone (see local/moto_launcher.py). */
    private static String launcher() {
        try (InputStream script = MotoServer.class.getResourceAsStream(LAUNCHER)) {
            if (script == null) {
                throw new IllegalStateException(LAUNCHER + " missing from the classpath");
            }
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://" + host + ":" + port);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Kills the process at once, as a crash would. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** Wipes every table, stream and queue it holds. */
    public void reset() {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(endpoint().resolve("/moto-api/reset"))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("moto reset answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening(Duration timeout, Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto server exited with " + process.exitValue() + "; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("moto server did not listen on " + port + " within " + timeout + "; see " + log);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
