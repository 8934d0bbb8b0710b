package com.unicornstore.points.adapter;

import com.unicornstore.platform.domain.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.camel.Header;

/** The opaque {@code cursor} of the history pages: where the next page starts, encoded. */
public final class HistoryCursor {

    private static final String PREFIX = "before:";

    public Long before(@Header("cursor") String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                long before = Long.parseLong(decoded.substring(PREFIX.length()));
                if (before > 0) {
                    return before;
                }
            }
        } catch (IllegalArgumentException notOurs) {
            // refused below (NumberFormatException is an IllegalArgumentException)
        }
        throw Rejection.invalid("cursor", "is not a cursor this API returned");
    }

    static String encode(Long before) {
        return before == null ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + before).getBytes(StandardCharsets.UTF_8));
    }
}
