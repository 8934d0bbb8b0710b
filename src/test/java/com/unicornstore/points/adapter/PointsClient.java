package com.unicornstore.points.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.unicornstore.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the points integration tests share: a client of the app under test and the reads they all make. */
abstract class PointsClient {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    long balanceOf(String account) {
        return api.get("/points?account_id=" + account).json().get("balance").asLong();
    }

    JsonNode historyOf(String account) {
        return api.get("/points/history?account_id=" + account + "&limit=100").json().get("items");
    }
}
