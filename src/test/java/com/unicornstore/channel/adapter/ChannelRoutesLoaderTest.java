package com.unicornstore.channel.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelRoutesLoaderTest {

    private static final String GOOD = """
            # a channel that answers pong
            - route:
                id: channel.%s
                from:
                  uri: direct:channel.%s
                  steps:
                    - setBody:
                        constant: pong
            """;

    @TempDir
    Path routes;

    CamelContext camel;

    @BeforeEach
    void startCamel() {
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    @Test
    void a_route_file_added_to_the_routes_folder_is_picked_up_at_start_up() throws Exception {
        Files.writeString(routes.resolve("ping.camel.yaml"), GOOD.formatted("ping", "ping"));

        ChannelRoutesLoader loader = loader(name -> true);
        loader.afterApplicationStart(camel);

        assertThat(loader.loaded()).containsExactly("ping.camel.yaml");
        assertThat(camel.createProducerTemplate().requestBody("direct:channel.ping", "ping", String.class))
                .isEqualTo("pong");
    }

    @Test
    void a_file_with_an_error_is_reported_by_name_and_the_others_still_load() throws Exception {
        Files.writeString(routes.resolve("a-good.camel.yaml"), GOOD.formatted("a-good", "a-good"));
        Files.writeString(routes.resolve("b-broken.camel.yaml"), "- route:\n    id: [unclosed\n");
        Files.writeString(routes.resolve("c-unknown-endpoint.camel.yaml"), """
                - route:
                    id: channel.c-unknown
                    from:
                      uri: no-such-component:anything
                      steps:
                        - log: never
                """);
        Files.writeString(routes.resolve("d-good.camel.yaml"), GOOD.formatted("d-good", "d-good"));

        ChannelRoutesLoader loader = loader(name -> true);
        loader.afterApplicationStart(camel);

        assertThat(loader.failures()).containsOnlyKeys("b-broken.camel.yaml", "c-unknown-endpoint.camel.yaml");
        assertThat(loader.failures().get("c-unknown-endpoint.camel.yaml")).contains("no-such-component");
        assertThat(loader.loaded()).containsExactlyInAnyOrder("a-good.camel.yaml", "d-good.camel.yaml");
        assertThat(camel.getRoute("channel.c-unknown")).isNull();
        assertThat(camel.getRoute("channel.d-good")).isNotNull();
    }

    @Test
    void a_channel_switched_off_is_not_loaded() throws Exception {
        Files.writeString(routes.resolve("ping.camel.yaml"), GOOD.formatted("ping", "ping"));

        ChannelRoutesLoader loader = loader(name -> !name.equals("ping"));
        loader.afterApplicationStart(camel);

        assertThat(loader.loaded()).isEmpty();
        assertThat(camel.getRoute("channel.ping")).isNull();
    }

    private ChannelRoutesLoader loader(java.util.function.Predicate<String> enabled) {
        return new ChannelRoutesLoader(routes, "no-packaged-routes", enabled, (queue, consumer) -> {});
    }
}
