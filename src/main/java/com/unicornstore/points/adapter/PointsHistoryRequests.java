package com.unicornstore.points.adapter;

import com.unicornstore.points.application.ReadingHistory;
import com.unicornstore.points.application.ReadingHistory.Page;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/** Checks the history query (account_id, limit, cursor) and reads the page. */
public final class PointsHistoryRequests {

    private final PointsRequests requests;
    private final HistoryCursor cursors = new HistoryCursor();
    private final ReadingHistory history;

    public PointsHistoryRequests(PointsRequests requests, ReadingHistory history) {
        this.requests = requests;
        this.history = history;
    }

    public Page page(@Header("account_id") String accountId, @Header("limit") String limit,
            @Header("cursor") String cursor, Exchange exchange) {
        String account = requests.accountId(accountId, exchange);
        int size = requests.limit(limit);
        return history.page(account, cursors.before(cursor), size);
    }
}
