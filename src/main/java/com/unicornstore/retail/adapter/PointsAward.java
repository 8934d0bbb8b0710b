package com.unicornstore.retail.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.platform.domain.Origin;
import com.unicornstore.platform.web.OriginFields;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Message;

/**
 * The purchase saga's points step: the purchase event the campaign engine judges, and the
 * IssuePoints / RevokePoints commands sent to the points ledger's queue, correlated by purchase id.
 */
public final class PointsAward {

    /** Headers: the purchase's origin, carried to the IssuePoints command so its points event records it. */
    static final String PRINCIPAL = "originPrincipal";
    static final String CHANNEL = "originChannel";
    static final String MESSAGE_ID = "originMessageId";

    /** Header: the campaigns skipped for this purchase, as the campaign engine listed them. */
    static final String SKIPPED = "campaignsSkipped";

    private final ObjectMapper json;
    private final String campaignClient;
    private final Clock clock;

    public PointsAward(ObjectMapper json, String campaignClient, Clock clock) {
        this.json = json;
        this.campaignClient = campaignClient;
        this.clock = clock;
    }

    /** The purchase as the campaign rules see it ({@code $.amount} is the purchase total). */
    public Map<String, Object> purchaseEvent(@Header("purchaseId") String purchaseId, @Header("userId") String userId,
            @Header("productId") String productId, @Header("quantity") int quantity, @Header("total") long total,
            @Header(CHANNEL) String channel) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("purchase_id", purchaseId);
        event.put("account_id", userId);
        event.put("client", campaignClient);
        event.put("amount", total);
        event.put("quantity", quantity);
        event.put("product_id", productId);
        event.put("channel", channel != null ? channel : "web");
        event.put("occurred_at", clock.instant().toString());
        return event;
    }

    /**
     * Keeps what the campaigns awarded in the {@code points} header, and the campaigns that could
     * not be evaluated in {@link #SKIPPED}: the purchase goes on without them and says so.
     */
    public void earned(Map<String, Object> evaluation, Exchange exchange) {
        Object points = evaluation.get("points");
        exchange.getMessage().setHeader("points", points instanceof Number n ? n.longValue() : 0L);
        if (evaluation.get("skipped") instanceof List<?> skipped && !skipped.isEmpty()) {
            exchange.getMessage().setHeader(SKIPPED, skipped);
        }
    }

    /** Puts the purchase's origin in the headers {@link #issueCommand} reads. */
    static void carry(Message message, Origin origin) {
        message.setHeader(PRINCIPAL, origin.principal());
        message.setHeader(CHANNEL, origin.channel());
        message.setHeader(MESSAGE_ID, origin.messageId());
    }

    /** The IssuePoints command, on behalf of the purchase's origin, or null when the purchase earned nothing. */
    public String issueCommand(@Header("purchaseId") String purchaseId, @Header("userId") String userId,
            @Header("points") long points, @Header(PRINCIPAL) String principal, @Header(CHANNEL) String channel,
            @Header(MESSAGE_ID) String messageId) throws JsonProcessingException {
        return command("IssuePoints", purchaseId, userId, points, new Origin(principal, channel, messageId));
    }

    /** The compensation's RevokePoints command, or null when nothing was issued. */
    public String revokeCommand(@Header("purchaseId") String purchaseId, @Header("userId") String userId,
            @Header("points") long points) throws JsonProcessingException {
        return command("RevokePoints", purchaseId, userId, points, Origin.SYSTEM);
    }

    private String command(String type, String purchaseId, String userId, long points, Origin origin)
            throws JsonProcessingException {
        if (points <= 0) {
            return null;
        }
        Map<String, Object> command = new LinkedHashMap<>(Map.of("type", type, "account_id", userId, "amount", points,
                "correlation_id", purchaseId));
        OriginFields.put(command, origin);
        return json.writeValueAsString(command);
    }
}
