package com.unicornstore.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpEngine;
import org.apache.catalina.core.StandardHost;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

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
    ApiContract apiContract(ObjectMapper json) {
        return new ApiContract(json);
    }

    /** /api-doc: the REST DSL's document, completed by the contract. */
    @Bean
    ApiDocumentFactory apiDocumentFactory(ApiContract contract, ObjectMapper json) {
        return new ApiDocumentFactory(contract, json);
    }

    /** Tomcat's own error answers (e.g. headers over the limit) as problem documents, not HTML. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    ComponentCustomizer platformHttpHeaderPolicy() {
        return ComponentCustomizer.builder(PlatformHttpComponent.class)
                .build(component -> component.setHeaderFilterStrategy(new HttpHeaderPolicy()));
    }

    /**
     * Camel's platform-http engine whose consumers run each request on the servlet thread
     * ({@link ServletThreadRequests}); the starter's own engine bean steps aside for it.
     */
    @Bean(name = "platform-http-engine")
    PlatformHttpEngine platformHttpEngine(@Value("${server.port:8080}") int port) {
        return new SpringBootPlatformHttpEngine(port, ServletThreadRequests.INLINE);
    }

    @Bean
    ServletThreadRequests servletThreadRequests(RequestMappingHandlerAdapter requestMappingHandlerAdapter) {
        return new ServletThreadRequests(requestMappingHandlerAdapter);
    }

    /** Camel (and with it the saga hand-over) stops before the web server interrupts its request threads. */
    @Bean
    CamelStopsBeforeWebServer camelStopsBeforeWebServer(ObjectProvider<CamelContext> camel) {
        return new CamelStopsBeforeWebServer(camel);
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
