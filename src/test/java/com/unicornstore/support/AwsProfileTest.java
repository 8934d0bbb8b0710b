package com.unicornstore.support;

import com.unicornstore.platform.provisioning.LocalProvisioner;
import com.unicornstore.platform.provisioning.QueueSpec;
import com.unicornstore.platform.provisioning.TableSpec;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The aws profile against moto and ElasticMQ, set up as the infrastructure code would: every
 * table and queue exists, no demo data, a Cognito-like token issuer runs on loopback, and the web
 * store is its public client {@code test-client}. Key
 * lookups are cached for one second here, so revocations are seen quickly.
 */
@ExtendWith(LocalBackendsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"spring.profiles.active=aws",
        "unicorn.security.jwt.client-ids=test-client", "unicorn.security.key-table.cache-ttl=1s",
        "unicorn.security.web-client.client-id=test-client"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class AwsProfileTest {

    /** One issuer for the test JVM, like the backends (its key pair is made once). */
    protected static final LoopbackIssuer ISSUER = LoopbackIssuer.start();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("unicorn.security.jwt.issuer-uri", ISSUER::issuer);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected DynamoDbClient dynamo;

    @Autowired
    SqsClient sqs;

    @Autowired
    List<TableSpec> tables;

    @Autowired
    List<QueueSpec> queues;

    /** Idempotent: tables and queues that exist are left as they are. */
    @BeforeEach
    void tablesAndQueuesExist() {
        new LocalProvisioner(dynamo, sqs, tables, queues, List.of()).provision();
    }
}
