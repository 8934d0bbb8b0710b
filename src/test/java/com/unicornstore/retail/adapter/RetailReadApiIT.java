package com.unicornstore.retail.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.unicornstore.platform.local.LocalBackends;
import com.unicornstore.support.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/** The retail read API against moto and ElasticMQ. */
@PlatformIntegrationTest
@TestPropertySource(properties = "unicorn.retail.catalog-page-size=3") // four products: two Scan pages
class RetailReadApiIT extends RetailReadApiContract {

    @Autowired
    LocalBackends backends;

    @Value("${unicorn.aws.dynamodb-endpoint}")
    String configuredDynamodb;

    @Test
    void with_endpoints_configured_the_local_profile_starts_no_backend_of_its_own() {
        assertThat(backends.moto()).isNull();
        assertThat(backends.dynamodb().toString()).isEqualTo(configuredDynamodb);
    }
}
