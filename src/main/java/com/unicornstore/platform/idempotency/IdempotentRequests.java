package com.unicornstore.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.platform.security.Callers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code Idempotency-Key} header on HTTP writes. A route calls {@link #begin} once the request
 * is validated (the body then holds the command), runs the rest only when {@link #isFresh}, and
 * calls {@link #complete} after writing the response. A retry with the same key and request gets
 * the first response back (header {@code Idempotency-Replayed: true}) and changes nothing; the same
 * key with another request is refused with 422. A request that fails gives its key up again. Keys
 * are the caller's own: the same key sent by another principal is another key.
 */
public final class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final String CLAIMED = "unicorn.idempotency.claimed";
    private static final String HTTP_NAMESPACE = "http:";
    private static final String REPLAYED = "unicorn.idempotency.replayed";
    private static final String TOKEN = "unicorn.idempotency.token";
    private static final Logger LOG = LoggerFactory.getLogger(IdempotentRequests.class);

    /** Keys channel entry points make ({@code channel:<name>:<message id>}): remembered as long as a queue and its DLQ keep a message. */
    public static final String CHANNEL_KEYS = "channel:";

    private final IdempotencyStore store;
    private final IdempotencyStore channelStore;
    private final ObjectMapper json;

    public IdempotentRequests(IdempotencyStore store, ObjectMapper json) {
        this(store, store, json);
    }

    public IdempotentRequests(IdempotencyStore store, IdempotencyStore channelStore, ObjectMapper json) {
        this.store = store;
        this.channelStore = channelStore;
        this.json = json;
    }

    public void begin(Exchange exchange) throws JsonProcessingException {
        String key = exchange.getMessage().getHeader(HEADER, String.class);
        if (key == null) {
            return;
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw Rejection.invalid(HEADER, "must be 1-255 visible ASCII characters");
        }
        String fingerprint = sha256(exchange.getFromRouteId() + "\n" + json.writeValueAsString(exchange.getMessage().getBody()));
        String stored = storedKey(Callers.principal(exchange), key);
        IdempotencyStore.Claim claim = storeFor(stored).claim(stored, fingerprint);
        switch (claim.outcome()) {
            case CLAIMED -> claimed(exchange, stored, claim.token());
            case REPLAY -> replay(exchange.getMessage(), claim.response());
            case OTHER_REQUEST -> throw new Rejection(Rejection.Kind.UNPROCESSABLE, "idempotency-key-reused",
                    "This Idempotency-Key was used with another request.");
            case IN_PROGRESS -> throw new Rejection(Rejection.Kind.CONFLICT, "idempotency-key-in-use",
                    "A request with this Idempotency-Key is still being processed; retry shortly.");
        }
        if (claim.outcome() == IdempotencyStore.Outcome.REPLAY) {
            exchange.setProperty(REPLAYED, true);
        }
    }

    /**
     * The item key under which a caller's Idempotency-Key is kept: apart from the keys queue consumers
     * keep in the same table, and per principal, so another caller's same key is another request,
     * never a replay of this one's response.
     */
    public static String storedKey(String principal, String idempotencyKey) {
        return HTTP_NAMESPACE + principal + "\n" + idempotencyKey;
    }

    /** False when the response was replayed: the route must not run the request again. */
    public boolean isFresh(Exchange exchange) {
        return !exchange.getProperty(REPLAYED, false, Boolean.class);
    }

    /**
     * Stores the response just written, for the retries to come. When the store cannot confirm it,
     * the client still gets its answer, and the claim is given up: a retry then runs the request
     * again, and the command's own identity (purchase id, command id) makes that rerun change nothing.
     */
    public void complete(Exchange exchange) {
        String key = exchange.getProperty(CLAIMED, String.class);
        if (key == null) {
            return;
        }
        Message message = exchange.getMessage();
        // the request took effect: whatever happens to the stored copy, the key must not be given up on failure
        exchange.removeProperty(CLAIMED);
        String token = exchange.getProperty(TOKEN, String.class);
        try {
            storeFor(key).complete(key, new StoredResponse(message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class),
                    message.getHeader(Exchange.CONTENT_TYPE, String.class), message.getBody(String.class)));
        } catch (RuntimeException unconfirmed) {
            LOG.warn("Response for Idempotency-Key {} not stored ({}); a retry runs the request again", key,
                    unconfirmed.toString());
            releaseQuietly(key, token);
        }
    }

    private void claimed(Exchange exchange, String key, String token) {
        exchange.setProperty(CLAIMED, key);
        exchange.setProperty(TOKEN, token);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                if (done.getProperty(CLAIMED) != null) {
                    releaseQuietly(key, token);
                }
            }
        });
    }

    /** A claim that cannot be given up now expires with its lease, after which a retry takes it over. */
    private void releaseQuietly(String key, String token) {
        try {
            storeFor(key).release(key, token);
        } catch (RuntimeException unreachable) {
            LOG.warn("Idempotency-Key {} not released ({}); a retry takes it over after the lease", key,
                    unreachable.toString());
        }
    }

    private IdempotencyStore storeFor(String storedKey) {
        // the caller's own key follows the principal (see storedKey)
        return storedKey.substring(storedKey.indexOf('\n') + 1).startsWith(CHANNEL_KEYS) ? channelStore : store;
    }

    private static void replay(Message message, StoredResponse response) {
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, response.status());
        message.setHeader(Exchange.CONTENT_TYPE, response.contentType());
        message.setHeader("Idempotency-Replayed", "true");
        message.setBody(response.body());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
