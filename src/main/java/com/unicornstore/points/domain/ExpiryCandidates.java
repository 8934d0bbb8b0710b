package com.unicornstore.points.domain;

import java.time.Instant;
import java.util.List;

/** Finds accounts that hold lots past their expiry whose expiry is not yet recorded. */
public interface ExpiryCandidates {

    List<String> dueAt(Instant now);
}
