package com.unicornstore.points.domain;

/** What one purchase was issued: how many points, into which lot. */
public record PurchaseIssue(String lotId, long amount) {}
