package com.unicornstore.points.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** What a command is decided against besides the account: the time, the lots' lifetime, new event ids. */
public record CommandContext(Instant now, Duration lotLifetime, Supplier<String> newEventId) {}
