package com.unicornstore.saga.adapter;

import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.platform.domain.PageSize;
import com.unicornstore.saga.domain.SagaLog;
import com.unicornstore.saga.domain.SagaRecord;
import com.unicornstore.saga.domain.SagaRepairs;
import com.unicornstore.saga.domain.SagaState;
import com.unicornstore.saga.domain.SagaStep;
import com.unicornstore.saga.domain.StepHold;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Header;

/** The operators' endpoints on the saga log: one saga with what its steps hold, and the repair of a FAILED one. */
public final class SagaViews {

    /** Most sagas one GET /sagas answers with. */
    public static final int MAX_LIMIT = 100;
    /** Sagas listed when the request names no limit. */
    public static final int DEFAULT_LIMIT = 50;

    private final SagaLog log;
    private final DurableSagaService service;
    private final SagaCensus census;

    public SagaViews(SagaLog log, DurableSagaService service, SagaCensus census) {
        this.log = log;
        this.service = service;
        this.census = census;
    }

    /** GET /sagas?state=&limit=: open or FAILED sagas in one state, each with its steps. */
    public Map<String, Object> list(@Header("state") String state, @Header("limit") String limit) {
        SagaState wanted = parseState(state);
        int max = PageSize.of(limit, DEFAULT_LIMIT, MAX_LIMIT);
        List<SagaRecord> found = census.inState(wanted, max + 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", wanted.name());
        body.put("items", found.stream().limit(max).map(SagaViews::view).toList());
        body.put("more", found.size() > max);
        return body;
    }

    private static SagaState parseState(String state) {
        if (state == null) {
            throw Rejection.invalid("state", "is required: one of " + SagaCensus.LISTED);
        }
        try {
            return SagaState.valueOf(state);
        } catch (IllegalArgumentException unknown) {
            throw Rejection.invalid("state", "must be one of " + SagaCensus.LISTED);
        }
    }

    public Map<String, Object> find(@Header("id") String id) {
        return view(log.find(Identifiers.require("id", id))
                .orElseThrow(() -> Rejection.notFound("saga-not-found", "No saga with id '" + id + "'.")));
    }

    /** POST /sagas/{id}/retry: a FAILED saga's direction again, from its first step. */
    public Map<String, Object> retry(@Header("id") String id) {
        return view(service.retryFailed(Identifiers.require("id", id), SagaRepairs::retry));
    }

    /** POST /sagas/{id}/compensate: a FAILED saga that never decided to complete is compensated. */
    public Map<String, Object> compensate(@Header("id") String id) {
        return view(service.retryFailed(Identifiers.require("id", id), SagaRepairs::compensate));
    }

    static Map<String, Object> view(SagaRecord saga) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", saga.id());
        view.put("state", saga.state().name());
        if (saga.failedDuring() != null) {
            view.put("failed_during", saga.failedDuring().name());
        }
        view.put("owner", saga.owner());
        view.put("lease_until", saga.leaseUntil().toString());
        view.put("attempts", saga.attempts());
        view.put("last_error", saga.lastError());
        view.put("holding", saga.holdsAnything());
        List<Map<String, Object>> steps = new ArrayList<>();
        List<StepHold> holds = saga.holds();
        for (int i = 0; i < saga.steps().size(); i++) {
            SagaStep step = saga.steps().get(i);
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("compensation", step.compensation());
            shown.put("completion", step.completion());
            shown.put("options", step.options());
            shown.put("hold", holds.get(i).name().toLowerCase());
            steps.add(shown);
        }
        view.put("steps", steps);
        return view;
    }
}
