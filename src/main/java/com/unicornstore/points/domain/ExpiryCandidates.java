package com.unicornstore.points.domain;

import java.time.Instant;
import java.util.List;

/** Finds accounts that hold lots past their expiry whose expiry is not yet recorded. */
public interface ExpiryCandidates {

    /** Accounts due at {@code now} in the next part of the read model: every part within a bounded number of calls. */
    List<String> dueAt(Instant now);
}
