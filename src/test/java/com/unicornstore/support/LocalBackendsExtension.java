package com.unicornstore.support;

import com.unicornstore.platform.local.ElasticMqServer;
import com.unicornstore.platform.local.FreePort;
import com.unicornstore.platform.local.MotoServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Starts the platform's local backends (moto, ElasticMQ) once per test JVM, with the same classes
 * the local profile uses, and wipes them before each test class. The application under test is
 * pointed at them through {@code unicorn.aws.*-endpoint}, so it starts nothing itself.
 */
public final class LocalBackendsExtension implements BeforeAllCallback, ParameterResolver {

    private static final String REGION = "us-east-1";

    /** The backends shared by the whole test JVM. */
    public record Backends(MotoServer moto, ElasticMqServer elasticMq) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            moto.close();
            elasticMq.close();
        }

        public URI dynamodb() {
            return moto.endpoint();
        }

        public URI sqs() {
            return elasticMq.endpoint();
        }

        void reset() {
            moto.reset();
            try (SqsClient sqs = SqsClient.builder().endpointOverride(sqs()).region(Region.of(REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .build()) {
                sqs.listQueues().queueUrls().forEach(url -> sqs.deleteQueue(b -> b.queueUrl(url)));
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Backends backends = shared(context);
        backends.reset();
        pointApplicationAt(backends);
    }

    /** A test method may ask for the shared backends as a parameter, e.g. to pause moto. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Backends.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context);
    }

    public static Backends shared(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Backends.class, key -> start(), Backends.class);
    }

    /** Points applications started by this JVM (Spring tests, {@link ForkedApplication}) at these backends. */
    public static void pointApplicationAt(Backends backends) {
        System.setProperty("unicorn.aws.dynamodb-endpoint", backends.dynamodb().toString());
        System.setProperty("unicorn.aws.sqs-endpoint", backends.sqs().toString());
    }

    /** Starts a set of backends of its own (the load module's platform); the caller closes it. */
    public static Backends start() {
        String host = "127.0.0.1";
        Path moto = Path.of(System.getProperty("unicorn.local.moto.executable", ".venv/bin/moto_server"));
        return new Backends(
                MotoServer.start(moto, host, FreePort.pick(host, 0), Duration.ofSeconds(60)),
                ElasticMqServer.start(host, FreePort.pick(host, 0), REGION));
    }
}
