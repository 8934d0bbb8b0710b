package com.unicornstore.platform.web;

import com.unicornstore.platform.domain.Rejection;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/**
 * ETags of versioned resources: the strong tag {@code "<version>"}. A route that knows the version
 * of what it answers sets {@link #PROPERTY}; {@link JsonResponses} then writes the {@code ETag}.
 * {@code If-Match} is read as the versions a write may replace.
 */
public final class EntityTags {

    /** Exchange property: the version of the resource in the answer. */
    public static final String PROPERTY = "unicorn.entity-version";
    private static final Pattern STRONG = Pattern.compile("\"(\\d{1,18})\"");

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    public static void answerVersion(Exchange exchange, long version) {
        exchange.setProperty(PROPERTY, version);
    }

    /**
     * The versions {@code If-Match} accepts; null when there is no precondition (no header, or
     * {@code *}). A weak or malformed tag is a 400: versions are compared strongly, and a tag this
     * API never handed out can match nothing.
     */
    public Set<Long> expectedVersions(@Header("If-Match") String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Set<Long> versions = new HashSet<>();
        for (String tag : ifMatch.split(",")) {
            var strong = STRONG.matcher(tag.trim());
            if (!strong.matches()) {
                throw Rejection.invalid("If-Match", tag.trim().startsWith("W/")
                        ? "must be a strong ETag as GET answered it, e.g. \"3\"; weak tags are not compared"
                        : "must be the ETag GET answered, e.g. \"3\"");
            }
            versions.add(Long.parseLong(strong.group(1)));
        }
        return versions;
    }
}
