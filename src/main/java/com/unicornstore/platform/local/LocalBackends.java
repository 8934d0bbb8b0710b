package com.unicornstore.platform.local;

import com.unicornstore.platform.aws.AwsEndpoints;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local profile's backends: ElasticMQ in this JVM for SQS and a supervised moto server child
 * process for DynamoDB. A backend whose endpoint is configured is used as it is and not started.
 * If moto dies, it is started again on the same port after a delay and {@link #onMotoRestart}
 * runs (the provisioner re-creates tables and demo data: moto keeps nothing on disk).
 */
public final class LocalBackends implements AwsEndpoints, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalBackends.class);

    private final LocalBackendProperties properties;
    private final Path motoExecutable;
    private final URI dynamodb;
    private final URI sqs;
    private final ElasticMqServer elasticMq;
    private final ScheduledExecutorService supervisor;
    private volatile MotoServer moto;
    private volatile boolean closing;
    private volatile Runnable onMotoRestart = () -> {};

    public LocalBackends(LocalBackendProperties properties, URI dynamodbOverride, URI sqsOverride, String region) {
        this.properties = properties;
        this.motoExecutable = resolveMotoExecutable(properties.moto().executable());
        String host = properties.host();
        CompletableFuture<MotoServer> motoStart = dynamodbOverride != null
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> startMoto(FreePort.pick(host, properties.moto().port())));
        this.elasticMq = sqsOverride != null ? null
                : ElasticMqServer.start(host, FreePort.pick(host, properties.elasticmq().port()), region);
        this.moto = motoStart.join();
        this.dynamodb = moto != null ? moto.endpoint() : dynamodbOverride;
        this.sqs = elasticMq != null ? elasticMq.endpoint() : sqsOverride;
        this.supervisor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "moto-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        if (moto != null) {
            watch(moto);
        }
        LOG.info("Local backends: DynamoDB {} ({}), SQS {} ({})", dynamodb,
                moto != null ? "moto pid " + moto.pid() : "configured", sqs, elasticMq != null ? "ElasticMQ" : "configured");
    }

    @Override
    public URI dynamodb() {
        return dynamodb;
    }

    @Override
    public URI sqs() {
        return sqs;
    }

    /** The moto process this app started, if it started one. */
    public MotoServer moto() {
        return moto;
    }

    /** Runs {@code action} after each restart of moto, after the actions registered before it. */
    public synchronized void onMotoRestart(Runnable action) {
        Runnable before = this.onMotoRestart;
        this.onMotoRestart = () -> {
            before.run();
            action.run();
        };
    }

    private MotoServer startMoto(int port) {
        return MotoServer.start(motoExecutable, properties.host(), port, properties.moto().startupTimeout());
    }

    private void watch(MotoServer server) {
        server.onExit().thenRun(() -> {
            if (closing) {
                return;
            }
            LOG.error("moto server (pid {}) died; starting it again on port {} in {}", server.pid(), server.port(),
                    properties.moto().restartDelay());
            supervisor.schedule(() -> restart(server.port()), properties.moto().restartDelay().toMillis(),
                    TimeUnit.MILLISECONDS);
        });
    }

    private void restart(int port) {
        if (closing) {
            return;
        }
        try {
            moto = startMoto(port);
            watch(moto);
            LOG.warn("moto server is back (pid {}); its data was lost and is provisioned again", moto.pid());
            onMotoRestart.run();
        } catch (RuntimeException e) {
            LOG.error("moto server restart failed; trying again", e);
            supervisor.schedule(() -> restart(port), properties.moto().restartDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        closing = true;
        supervisor.shutdownNow();
        if (moto != null) {
            moto.close();
        }
        if (elasticMq != null) {
            elasticMq.close();
        }
    }

    /** The configured executable, else .venv in the working directory, else where the build installed it. */
    static Path resolveMotoExecutable(Path configured) {
        if (configured != null) {
            return configured;
        }
        Path local = Path.of(".venv", "bin", "moto_server");
        if (Files.isExecutable(local)) {
            return local.toAbsolutePath();
        }
        try (InputStream in = LocalBackends.class.getResourceAsStream("/META-INF/unicorn-build.properties")) {
            Properties build = new Properties();
            if (in != null) {
                build.load(in);
            }
            return Path.of(build.getProperty("moto.executable", local.toString()));
        } catch (IOException e) {
            return local;
        }
    }
}
