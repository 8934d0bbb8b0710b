package com.unicornstore.platform.local;

import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ inside this JVM: the local SQS. */
public final class ElasticMqServer implements AutoCloseable {

    private final SQSRestServer server;
    private final String host;
    private final int port;

    private ElasticMqServer(SQSRestServer server, String host, int port) {
        this.server = server;
        this.host = host;
        this.port = port;
    }

    public static ElasticMqServer start(String host, int port, String region) {
        SQSRestServer server = SQSRestServerBuilder.withInterface(host)
                .withPort(port)
                .withServerAddress(new NodeAddress("http", host, port, ""))
                .withAWSRegion(region)
                .start();
        server.waitUntilStarted();
        return new ElasticMqServer(server, host, port);
    }

    public URI endpoint() {
        return URI.create("http://" + host + ":" + port);
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
