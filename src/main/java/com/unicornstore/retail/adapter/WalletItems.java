package com.unicornstore.retail.adapter;

import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.security.Callers;
import com.unicornstore.retail.domain.RetailRejections;
import com.unicornstore.retail.domain.Wallet;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.component.aws2.ddb.Ddb2Constants;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps wallets to and from their DynamoDB items (table {@code unicorn.tables.wallets}, key {@code username}). */
public final class WalletItems {

    public Map<String, AttributeValue> key(@Header("username") String username, Exchange exchange) {
        Identifiers.require("username", username);
        Callers.requireAccount(exchange, username);
        return Map.of("username", AttributeValue.fromS(username));
    }

    public Wallet fromItem(@Header(Ddb2Constants.ATTRIBUTES) Map<String, AttributeValue> item,
            @Header("username") String username) {
        if (item == null || item.isEmpty()) {
            throw RetailRejections.unknownWallet(username);
        }
        return new Wallet(item.get("username").s(), Long.parseLong(item.get("balance").n()));
    }

    public static Map<String, AttributeValue> toItem(Wallet wallet) {
        return Map.of(
                "username", AttributeValue.fromS(wallet.username()),
                "balance", AttributeValue.fromN(Long.toString(wallet.balance())),
                "holds", AttributeValue.fromM(Map.of()),
                "released", AttributeValue.fromM(Map.of()));
    }
}
