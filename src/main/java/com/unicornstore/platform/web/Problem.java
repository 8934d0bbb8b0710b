package com.unicornstore.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** An RFC 9457 problem document: what every error response of the platform carries. */
public record Problem(String type, String title, int status, String detail, Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://unicorn.store/problems/";

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(TYPE_BASE + code, title, status, detail, Map.of());
    }

    public Problem with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(key, value);
        return new Problem(type, title, status, detail, more);
    }

    /** The document as it goes on the wire: the standard members first, then the extensions. */
    public Map<String, Object> asMap() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        // an extension never replaces a standard member: clients rely on "status" being the HTTP status
        extensions.forEach(body::putIfAbsent);
        return body;
    }
}
