package com.unicornstore.points.adapter;

import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.platform.security.Callers;
import com.unicornstore.platform.web.JsonResponses;
import com.unicornstore.points.application.RebuildJob;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/**
 * The operator's rebuild of the balance projection, as a background job: start one (optional
 * account_id, repair=true|false, default false), follow it by id, or see the latest.
 */
public final class ProjectionOperations {

    static final String PATH = "/points/projection/rebuild";

    private final ProjectionRebuilds rebuilds;

    public ProjectionOperations(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    /** Starts a rebuild; the answer (202) names the job and where to follow it. */
    public Map<String, Object> start(@Header("account_id") String accountId, @Header("repair") String repair,
            Exchange exchange) {
        String account = accountId == null ? null : Identifiers.require("account_id", accountId);
        if (repair != null && !repair.equals("true") && !repair.equals("false")) {
            throw Rejection.invalid("repair", "must be true or false");
        }
        RebuildJob job = rebuilds.start(account, "true".equals(repair), Callers.principal(exchange));
        exchange.setProperty(JsonResponses.LOCATION, PATH + "/" + job.id());
        return asJson(job);
    }

    public Map<String, Object> find(@Header("job_id") String jobId) {
        if (!Identifiers.isValid(jobId)) {
            throw Rejection.invalid("job_id", "is not a rebuild job id");
        }
        return rebuilds.find(jobId).map(ProjectionOperations::asJson)
                .orElseThrow(() -> Rejection.notFound("rebuild-not-found", "No projection rebuild " + jobId + "."));
    }

    public Map<String, Object> latest() {
        return rebuilds.latest().map(ProjectionOperations::asJson)
                .orElseThrow(() -> Rejection.notFound("rebuild-not-found", "No projection rebuild has run yet."));
    }

    /** The job as the API shows it. */
    static Map<String, Object> asJson(RebuildJob job) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("job_id", job.id());
        body.put("state", job.state().name());
        if (job.accountId() != null) {
            body.put("account_id", job.accountId());
        }
        body.put("repair", job.repair());
        body.put("started_by", job.startedBy());
        body.put("started_at", job.startedAt().toString());
        body.put("updated_at", job.updatedAt().toString());
        if (job.finishedAt() != null) {
            body.put("finished_at", job.finishedAt().toString());
        }
        body.put("accounts", job.accountsDone());
        body.put("accounts_total", job.accountsTotal());
        body.put("events_replayed", job.eventsReplayed());
        body.put("differences_total", job.differencesTotal());
        body.put("differences", job.differences().stream().map(d -> {
            Map<String, Object> difference = new LinkedHashMap<>();
            difference.put("account_id", d.accountId());
            difference.put("live", Map.of("applied_sequence", d.liveSequence(), "balance", d.liveBalance()));
            difference.put("rebuilt", Map.of("applied_sequence", d.rebuiltSequence(), "balance", d.rebuiltBalance()));
            difference.put("repaired", d.repaired());
            return difference;
        }).toList());
        if (job.error() != null) {
            body.put("error", job.error());
        }
        body.put("self", PATH + "/" + job.id());
        return body;
    }
}
