package com.unicornstore.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unicornstore.platform.local.LocalBackends;
import com.unicornstore.platform.local.MotoServer;
import com.unicornstore.support.Api;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The local profile as a developer runs it: the app starts and supervises its own moto. When moto
 * dies, health goes DOWN and reads answer 503 quickly; when it is back, all is UP again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "unicorn.aws.dynamodb-endpoint=", "unicorn.aws.sqs-endpoint=", "unicorn.local.moto.restart-delay=4s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BackendOutageIT {

    @LocalServerPort
    int port;

    @Autowired
    LocalBackends backends;

    @Test
    void a_dead_backend_is_reported_down_with_503s_and_up_again_once_it_is_back() {
        Api api = new Api(port);
        // queue consumers report ready after their first (long) poll, about a second after start
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/actuator/health").status() == 200);
        MotoServer moto = backends.moto();
        assertThat(moto).as("the app started its own moto").isNotNull();

        moto.kill();
        long killedAt = System.nanoTime();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Api.Response health = api.get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("status").asText()).isEqualTo("DOWN");
        });
        Api.Response product = api.get("/products/1");
        long answeredAfterMillis = (System.nanoTime() - killedAt) / 1_000_000;
        assertThat(product.status()).isEqualTo(503);
        assertThat(product.contentType()).startsWith("application/problem+json");
        assertThat(product.json().get("type").asText()).endsWith("/backend-unavailable");
        assertThat(answeredAfterMillis).isLessThan(5_000);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(api.get("/actuator/health").status()).isEqualTo(200);
            assertThat(api.get("/products/1").status()).isEqualTo(200);
        });
        assertThat(backends.moto().pid()).isNotEqualTo(moto.pid());
        assertThat(api.get("/products/1").json().get("stock").asLong()).isEqualTo(4);
        assertThat(api.get("/campaigns/1?client=UnicornStore").status()).isEqualTo(200);
    }
}
