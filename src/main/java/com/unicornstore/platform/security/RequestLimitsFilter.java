package com.unicornstore.platform.security;

import com.unicornstore.platform.web.ApiPaths;
import com.unicornstore.platform.web.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.List;
import java.util.Map;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hostile input refused before anything reads it: a body over the limit is 413 (by its declared
 * length, or, for a chunked body, after reading at most the limit plus one byte); a malformed or
 * non-JSON {@code Content-Type} is 415; a malformed {@code Accept}, or an API request that accepts
 * no JSON, is 406; a body that is not text in its declared charset (UTF-8 by default), or a query
 * parameter name the firewall refuses, is 400 (both would otherwise fail deep inside the servlet,
 * as a 500). The one form accepted is the web store's {@code POST /login}. Runs first, for every caller, authenticated or not.
 */
final class RequestLimitsFilter extends OncePerRequestFilter {

    private static final MediaType JSON_FAMILY = MediaType.parseMediaType("application/*+json");

    private final SecurityProperties.Limits limits;
    private final ServletProblems problems;

    RequestLimitsFilter(SecurityProperties.Limits limits, ServletProblems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = mediaTypeRefusal(request);
        if (refusal != null) {
            int status = refusal.startsWith("Accept") ? 406 : 415;
            problems.write(response, Problem.of(status, status == 406 ? "not-acceptable" : "unsupported-media-type",
                    status == 406 ? "Not Acceptable" : "Unsupported Media Type", refusal), Map.of());
            return;
        }
        long limit = request.getRequestURI().startsWith("/campaigns") ? limits.maxCampaignBody().toBytes()
                : limits.maxBody().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(response, limit);
            return;
        }
        String badInput = RequestText.parameterRefusal(request);
        boolean body = declared > 0 || declared < 0 && request.getHeader("Transfer-Encoding") != null;
        if (badInput == null && body && !isLoginForm(request)) {
            byte[] read = readAtMost(request.getInputStream(), limit + 1);
            if (read.length > limit) {
                tooLarge(response, limit);
                return;
            }
            badInput = RequestText.bodyRefusal(request, read);
            request = new BufferedBody(request, read);
        }
        if (badInput != null) {
            problems.write(response, Problem.of(400, "invalid-request", "Bad Request", badInput), Map.of());
            return;
        }
        chain.doFilter(request, response);
    }

    private void tooLarge(HttpServletResponse response, long limit) throws IOException {
        response.setHeader("Connection", "close"); // the rest of the body is not read
        problems.write(response, Problem.of(413, "payload-too-large", "Content Too Large",
                "The request body is larger than " + limit + " bytes."), Map.of());
    }

    /** Null when the declared media types are acceptable, else why not. */
    static String mediaTypeRefusal(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType != null) {
            try {
                MediaType type = MediaType.parseMediaType(contentType);
                boolean json = MediaType.APPLICATION_JSON.isCompatibleWith(type) || JSON_FAMILY.includes(type);
                if (!json && !isLoginForm(request, type) || type.isWildcardType() || type.isWildcardSubtype()) {
                    return "Content-Type " + type + " is not supported: send application/json.";
                }
            } catch (InvalidMediaTypeException malformed) {
                return "Content-Type is malformed: " + malformed.getMessage();
            }
        }
        String accept = request.getHeader("Accept");
        if (accept != null && !accept.isBlank()) {
            List<MediaType> accepted;
            try {
                accepted = MediaType.parseMediaTypes(accept);
            } catch (InvalidMediaTypeException malformed) {
                return "Accept is malformed: " + malformed.getMessage();
            }
            if (ApiPaths.isApi(request.getRequestURI()) && accepted.stream().noneMatch(type ->
                    type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                            || type.isCompatibleWith(MediaType.TEXT_HTML) && request.getRequestURI().startsWith("/api-doc")
                            || isMetricsText(type) && request.getRequestURI().equals("/actuator/prometheus"))) {
                return "Accept " + accept + " names nothing this API answers with: accept application/json.";
            }
        }
        return null;
    }

    private static boolean isLoginForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && isLoginForm(request, MediaType.parseMediaType(type));
    }

    /** The web store's login is the one form the platform reads (SessionLogin). */
    private static boolean isLoginForm(HttpServletRequest request, MediaType type) {
        return MediaType.APPLICATION_FORM_URLENCODED.includes(type) && "POST".equals(request.getMethod())
                && SessionLogin.LOGIN.equals(request.getRequestURI());
    }

    /** What a Prometheus scraper asks for: the text exposition format or OpenMetrics. */
    private static boolean isMetricsText(MediaType type) {
        return type.isCompatibleWith(MediaType.TEXT_PLAIN) || "openmetrics-text".equals(type.getSubtype());
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        return in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 8));
    }

    /** A request whose (small, already read) body is replayed from memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        /** Camel's platform-http reads the body through the reader; the charset was checked by {@link RequestText}. */
        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), RequestText.charset(this)));
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }
            };
        }
    }
}
