package com.unicornstore.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * The web store's files, and its deep links: a GET that asks for HTML (a browser's navigation)
 * of a path that is neither a file nor an API path gets index.html, so the SPA's router shows the
 * page. API paths never do: they stay problem+json 404s.
 */
final class WebStorePages extends PathResourceResolver {

    static final String INDEX = "index.html";

    @Override
    protected Resource resolveResourceInternal(HttpServletRequest request, String path,
            List<? extends Resource> locations, ResourceResolverChain chain) {
        Resource file = super.resolveResourceInternal(request, path, locations, chain);
        if (file != null || request == null || !isPageRequest(request)) {
            return file;
        }
        return super.resolveResourceInternal(request, INDEX, locations, chain);
    }

    static boolean isPageRequest(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                || ApiPaths.isApi(request.getRequestURI())) {
            return false;
        }
        String accept = request.getHeader("Accept");
        try {
            // named, not merely allowed by */*: a script or curl asking for anything gets the honest 404
            return accept != null && MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }
}
