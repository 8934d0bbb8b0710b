package com.unicornstore.platform.local;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where and how the local profile starts its AWS-compatible backends. Port 0 means "any free port". */
@ConfigurationProperties("unicorn.local")
public record LocalBackendProperties(
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue Moto moto,
        @DefaultValue ElasticMq elasticmq) {

    /** moto server, the local DynamoDB and DynamoDB Streams. */
    public record Moto(
            Path executable,
            @DefaultValue("0") int port,
            @DefaultValue("60s") Duration startupTimeout,
            @DefaultValue("5s") Duration restartDelay) {}

    /** ElasticMQ, the local SQS. */
    public record ElasticMq(@DefaultValue("0") int port) {}
}
