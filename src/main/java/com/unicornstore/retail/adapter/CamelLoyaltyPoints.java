package com.unicornstore.retail.adapter;

import com.unicornstore.retail.domain.LoyaltyPoints;
import java.util.Map;
import org.apache.camel.ProducerTemplate;

/** Retail's view of the points ledger, through the ledger's {@code direct:points.revoke} route. */
public final class CamelLoyaltyPoints implements LoyaltyPoints {

    private final ProducerTemplate producer;

    public CamelLoyaltyPoints(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public long revoke(String accountId, long points, String purchaseId) {
        if (points <= 0) {
            return 0;
        }
        Map<?, ?> reply = producer.requestBody("direct:points.revoke",
                Map.of("account_id", accountId, "amount", points, "correlation_id", purchaseId), Map.class);
        return ((Number) reply.get("revoked")).longValue();
    }
}
