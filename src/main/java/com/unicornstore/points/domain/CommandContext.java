package com.unicornstore.points.domain;

import java.time.Instant;
import java.util.function.Supplier;

/** What a command is decided against besides the account: the time, how issues merge into lots, new event ids. */
public record CommandContext(Instant now, BucketPolicy buckets, Supplier<String> newEventId) {}
