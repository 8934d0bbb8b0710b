package com.unicornstore.platform.web;

import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.mvc.ParameterizableViewController;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.webjars.WebJarVersionLocator;

/**
 * Swagger UI at {@value #PATH}, reading the platform's own {@code /api-doc}: the webjar's files, served by
 * the platform itself (no CDN), with its own page and initializer ({@code classpath:/api-doc-ui/}) in front.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocUiConfiguration {

    public static final String PATH = "/api-doc/ui";
    private static final String WEBJAR = "swagger-ui";

    @Bean
    ResourceHttpRequestHandler apiDocUiFiles() {
        String version = new WebJarVersionLocator().version(WEBJAR);
        if (version == null) {
            throw new IllegalStateException("the webjar org.webjars:" + WEBJAR + " is not on the classpath");
        }
        ResourceHttpRequestHandler files = new ResourceHttpRequestHandler();
        files.setLocations(List.of(new ClassPathResource("api-doc-ui/"),
                new ClassPathResource("META-INF/resources/webjars/" + WEBJAR + "/" + version + "/")));
        files.setCacheControl(CacheControl.noCache());
        return files;
    }

    /**
     * Ahead of Camel's platform-http mapping (order -1): the REST DSL's {@code /api-doc} consumer matches
     * on the path's prefix, so it would answer every path below it with the document.
     */
    @Bean
    SimpleUrlHandlerMapping apiDocUiMapping(ResourceHttpRequestHandler apiDocUiFiles) {
        ParameterizableViewController page = new ParameterizableViewController();
        page.setViewName("forward:" + PATH + "/index.html");
        return new SimpleUrlHandlerMapping(Map.of(PATH, page, PATH + "/", page, PATH + "/**", apiDocUiFiles),
                Ordered.HIGHEST_PRECEDENCE);
    }
}
