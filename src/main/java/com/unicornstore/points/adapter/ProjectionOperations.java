package com.unicornstore.points.adapter;

import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.points.application.RebuildingProjection;
import com.unicornstore.points.application.RebuildingProjection.Report;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Header;

/** The operator's rebuild of the balance projection: optional account_id, repair=true|false (default false). */
public final class ProjectionOperations {

    private final RebuildingProjection rebuilding;

    public ProjectionOperations(RebuildingProjection rebuilding) {
        this.rebuilding = rebuilding;
    }

    public Map<String, Object> rebuild(@Header("account_id") String accountId, @Header("repair") String repair) {
        Optional<String> account = accountId == null ? Optional.empty()
                : Optional.of(Identifiers.require("account_id", accountId));
        if (repair != null && !repair.equals("true") && !repair.equals("false")) {
            throw Rejection.invalid("repair", "must be true or false");
        }
        return asJson(rebuilding.rebuild(account, "true".equals(repair)));
    }

    private static Map<String, Object> asJson(Report report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accounts", report.accounts());
        body.put("events_replayed", report.eventsReplayed());
        body.put("differences", report.differences().stream().map(d -> {
            Map<String, Object> difference = new LinkedHashMap<>();
            difference.put("account_id", d.accountId());
            difference.put("live", Map.of("applied_sequence", d.liveSequence(), "balance", d.liveBalance()));
            difference.put("rebuilt", Map.of("applied_sequence", d.rebuiltSequence(), "balance", d.rebuiltBalance()));
            difference.put("repaired", d.repaired());
            return difference;
        }).toList());
        return body;
    }
}
