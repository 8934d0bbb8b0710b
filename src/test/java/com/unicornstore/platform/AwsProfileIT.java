package com.unicornstore.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.unicornstore.platform.local.LocalBackends;
import com.unicornstore.support.Api;
import com.unicornstore.support.LocalBackendsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The aws profile owns nothing: pointed at empty backends it starts no local servers, creates no
 * table or queue and loads no demo data; health says DOWN because the resources are missing.
 */
@ExtendWith(LocalBackendsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"spring.profiles.active=aws",
        // an operator's key, as an operator would issue one in AWS (sha256 of "aws-operator-test-key")
        "unicorn.security.api-keys[0].client-id=ops",
        "unicorn.security.api-keys[0].sha256=76a070713623b16e01d86bff48ef9627064479eff895a235a2d0c740b53fecd6",
        "unicorn.security.api-keys[0].scopes=operator",
        // the aws profile needs an issuer; nothing here presents a token, so it is never asked
        "unicorn.security.jwt.issuer-uri=http://127.0.0.1:9/never-asked"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AwsProfileIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    DynamoDbClient dynamo;

    @Autowired
    SqsClient sqs;

    @Test
    void the_aws_profile_starts_no_backend_and_creates_no_resource() {
        assertThat(context.getBeansOfType(LocalBackends.class)).isEmpty();
        assertThat(dynamo.listTables().tableNames()).isEmpty();
        assertThat(sqs.listQueues().queueUrls()).isEmpty();

        Api.Response health = Api.withKey(port, "aws-operator-test-key").get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body()).contains("unicorn-products");
        Api.Response anonymous = Api.anonymous(port).get("/actuator/health");
        assertThat(anonymous.status()).isEqualTo(503);
        assertThat(anonymous.body()).doesNotContain("unicorn-products");
        Api.Response demoKey = new Api(port).get("/points?account_id=derick");
        assertThat(demoKey.status()).as("the demo key is no configured key here, and the key table is missing")
                .isEqualTo(503);
        assertThat(demoKey.json().get("type").asText()).endsWith("/backend-unavailable");
    }
}
