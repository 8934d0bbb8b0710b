package com.unicornstore.platform.windows;

import com.unicornstore.platform.windows.domain.TimeWindowsBroken;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns broken time windows into Spring Boot's "APPLICATION FAILED TO START" report: each rule, then what to do. */
public final class TimeWindowsFailureAnalyzer extends AbstractFailureAnalyzer<TimeWindowsBroken> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TimeWindowsBroken cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Change the settings named above so that every rule holds (README, section Time windows).", cause);
    }
}
