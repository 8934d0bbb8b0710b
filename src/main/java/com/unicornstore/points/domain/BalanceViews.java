package com.unicornstore.points.domain;

import java.util.Optional;

/** Where the read model of balances is kept. */
public interface BalanceViews {

    Optional<BalanceView> find(String accountId);

    /** Writes {@code view} only if the stored one is still at {@code expectedSequence} (0: none stored); false otherwise. */
    boolean replace(BalanceView view, long expectedSequence);
}
