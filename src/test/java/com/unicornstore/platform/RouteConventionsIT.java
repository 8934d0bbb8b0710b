package com.unicornstore.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.unicornstore.support.PlatformIntegrationTest;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every route can be named in logs, metrics and AdviceWith: {@code context.action}, and direct: endpoints alike. */
@PlatformIntegrationTest
class RouteConventionsIT {

    private static final Pattern ROUTE_ID =
            Pattern.compile("(retail|points|campaign|saga|channel|platform)\\.[a-z0-9]+(-[a-z0-9]+)*");

    @Autowired
    CamelContext camel;

    @Test
    void every_route_id_is_context_dot_action() {
        assertThat(camel.getRoutes()).isNotEmpty();
        assertThat(camel.getRoutes()).allSatisfy(route ->
                assertThat(route.getRouteId()).as(route.getEndpoint().getEndpointUri()).matches(ROUTE_ID));
    }

    @Test
    void every_direct_endpoint_is_named_like_its_route() {
        for (Route route : camel.getRoutes()) {
            String uri = route.getConsumer().getEndpoint().getEndpointUri();
            if (uri.startsWith("direct:") || uri.startsWith("direct://")) {
                assertThat(uri.replaceFirst("^direct:(//)?", "")).as(route.getRouteId()).isEqualTo(route.getRouteId());
            }
        }
    }
}
