package com.unicornstore.points.domain;

/**
 * One command the account remembers: its key (the correlation id of an issue; {@code redeem:} or
 * {@code revoke:} and the correlation id for the others), the sequence of the event it produced, and for an issue the lot
 * and amount it issued (null lot otherwise).
 */
public record RecentCommand(String key, long sequence, String lotId, long amount) {}
