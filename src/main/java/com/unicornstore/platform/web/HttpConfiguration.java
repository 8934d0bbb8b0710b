package com.unicornstore.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HTTP edge: problem documents, the header policy and the REST DSL's configuration. */
@Configuration(proxyBeanMethods = false)
public class HttpConfiguration {

    @Bean
    ProblemMapper problemMapper() {
        return new ProblemMapper();
    }

    @Bean
    HttpProblemResponder httpProblemResponder(ProblemMapper mapper, ObjectMapper json) {
        return new HttpProblemResponder(mapper, json);
    }

    @Bean
    HttpProblemRoutes httpProblemRoutes() {
        return new HttpProblemRoutes();
    }

    @Bean
    InternalRoutesPropagateFailures internalRoutesPropagateFailures() {
        return new InternalRoutesPropagateFailures();
    }

    @Bean
    RestConfigurationRoutes restConfigurationRoutes() {
        return new RestConfigurationRoutes();
    }

    @Bean
    ComponentCustomizer platformHttpHeaderPolicy() {
        return ComponentCustomizer.builder(PlatformHttpComponent.class)
                .build(component -> component.setHeaderFilterStrategy(new HttpHeaderPolicy()));
    }

    @Bean
    JsonBodies jsonBodies(ObjectMapper json) {
        return new JsonBodies(json);
    }

    @Bean
    JsonResponses jsonResponses(ObjectMapper json) {
        return new JsonResponses(json);
    }
}
