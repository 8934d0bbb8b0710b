package com.unicornstore.load;

import com.unicornstore.support.ForkedApplication;
import com.unicornstore.support.LocalBackendsExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The platform a load run talks to: the one at {@code load.baseUrl}, or else one started here as the
 * tests start theirs (moto and ElasticMQ by {@link LocalBackendsExtension}, the application in its own
 * JVM by {@link ForkedApplication}), from its runtime classpath with server flags, and with an API key
 * of its own for the load client whose rate limit is {@code load.requestsPerMinute}.
 */
public final class LoadPlatform implements AutoCloseable {

    /** The load client's principal on a platform started here. */
    static final String LOAD_CLIENT = "local-load";
    private static final String MAIN_CLASS = "com.unicornstore.UnicornStoreApplication";
    private static final String SCOPES = "points:read,points:write,purchases:write,campaigns:read,operator";

    private final String baseUrl;
    private final LocalBackendsExtension.Backends backends;
    private final ForkedApplication application;

    private LoadPlatform(String baseUrl, LocalBackendsExtension.Backends backends, ForkedApplication application) {
        this.baseUrl = baseUrl;
        this.backends = backends;
        this.application = application;
    }

    /** The platform at {@code load.baseUrl}, or a new local one named after {@code run}, started and ready. */
    public static LoadPlatform start(LoadSettings settings, String run) {
        if (settings.baseUrl().isPresent()) {
            return new LoadPlatform(settings.baseUrl().get(), null, null);
        }
        LocalBackendsExtension.Backends backends = LocalBackendsExtension.start();
        LocalBackendsExtension.pointApplicationAt(backends);
        Path logs = Path.of(System.getProperty("load.app.log-dir", "target/load"));
        ForkedApplication application = ForkedApplication.start(MAIN_CLASS, classpath(),
                Arrays.asList(required("load.app.jvm-flags").split("\\s+")),
                logs.resolve(run + "-app.log"), List.of(
                        "--unicorn.local.moto.executable=" + System.getProperty("unicorn.local.moto.executable", ""),
                        "--unicorn.security.api-keys[0].client-id=" + LOAD_CLIENT,
                        "--unicorn.security.api-keys[0].sha256=" + sha256(settings.apiKey()),
                        "--unicorn.security.api-keys[0].scopes=" + SCOPES,
                        "--unicorn.security.api-keys[0].requests-per-minute=" + settings.requestsPerMinute()),
                Path.of(System.getProperty("load.app.workdir", "")));
        try {
            application.awaitOutput("Started UnicornStoreApplication", Duration.ofSeconds(180));
            // the projection's stream reader starts after the context: catch-up times count from a running reader
            // (load.app.ready-line empty: a platform build that logs no such line, an older one compared against,
            // which has no /readyz either)
            String ready = System.getProperty("load.app.ready-line", "Reading stream");
            if (!ready.isBlank()) {
                application.awaitReady(Duration.ofSeconds(60));
                application.awaitOutput(ready, Duration.ofSeconds(60));
            }
        } catch (RuntimeException e) {
            application.close();
            backends.close();
            throw e;
        }
        return new LoadPlatform("http://127.0.0.1:" + application.port(), backends, application);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Stops what was started here (nothing for a platform given by URL): SIGTERM, then SIGKILL after 30 s. */
    @Override
    public void close() {
        if (application != null) {
            if (!application.stopGracefully(Duration.ofSeconds(30))) {
                application.killHard();
            }
            backends.close();
        }
    }

    /** A setting the {@code load} profile always passes (the JVM flags are pom.xml's {@code server.jvm.flags}). */
    private static String required(String property) {
        String value = System.getProperty(property, "").strip();
        if (value.isEmpty()) {
            throw new IllegalStateException("No " + property + ": run through ./mvnw -Pload");
        }
        return value;
    }

    /** The application's own classes, then its runtime dependencies, as the {@code load} profile wrote them. */
    private static String classpath() {
        try {
            String dependencies = Files.readString(Path.of(System.getProperty("load.app.classpath-file",
                    "target/load/app.classpath"))).strip();
            return System.getProperty("load.app.classes", "target/classes") + java.io.File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException("No application classpath: run through ./mvnw -Pload", e);
        }
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
