package com.unicornstore.retail.domain;

/** What a refund gave back: the money, the units, and the points it could take back (the rest was spent). */
public record Refund(long amount, int quantity, long pointsRevoked, long pointsShortfall) {}
