package com.unicornstore.platform.web;

import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the web store (the SPA's build, {@code unicorn.web.static-location}) at {@code /}. Its
 * {@code /assets/} are named by their content's hash, so they are cached for a year and never
 * revalidated; everything else, index.html above all, is revalidated on every use, so a new
 * release is seen at once. Deep links fall back to index.html ({@link WebStorePages}).
 */
@Configuration(proxyBeanMethods = false)
public class WebStoreConfiguration implements WebMvcConfigurer {

    private final String location;

    public WebStoreConfiguration(@Value("${unicorn.web.static-location}") String location) {
        this.location = location.endsWith("/") ? location : location + "/";
    }

    /** The root is the store's front page (a resource handler never serves an empty path). */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/").setViewName("forward:/" + WebStorePages.INDEX);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**").addResourceLocations(location + "assets/")
                .setCacheControl(CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable());
        registry.addResourceHandler("/**").addResourceLocations(location)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(false).addResolver(new WebStorePages());
    }
}
