package com.unicornstore.points.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.kinesis.coordinator.Scheduler;

/** The KCL's "LeaderDecider uninitialized" loop error is dropped only while a reader stops, and only that one. */
class StoppingReaderLogTest {

    @Test
    void the_kcl_loop_error_with_a_shut_down_decider_is_dropped_only_between_stopping_and_stopped() {
        Logger kcl = (Logger) LoggerFactory.getLogger(Scheduler.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        kcl.addAppender(logged);
        Object reader = new Object();
        try {
            // the KCL's own call: a format, its one argument, then the exception
            kcl.error(StoppingReaderLog.KCL_MESSAGE, 200, uninitialized("while running"));
            StoppingReaderLog.FILTER.stopping(reader);
            kcl.error(StoppingReaderLog.KCL_MESSAGE, 200, uninitialized("while stopping"));
            kcl.error(StoppingReaderLog.KCL_MESSAGE, 200, new IllegalStateException("another cause"));
            kcl.error(StoppingReaderLog.KCL_MESSAGE, 200, new RuntimeException(StoppingReaderLog.UNINITIALIZED));
            kcl.warn(StoppingReaderLog.KCL_MESSAGE, 200, uninitialized("a warning"));
            kcl.error("Worker executor service has been shutdown, so record processors cannot be shutdown.");
            StoppingReaderLog.FILTER.stopped(reader);
            kcl.error(StoppingReaderLog.KCL_MESSAGE, 200, uninitialized("after the stop"));

            assertThat(logged.list).extracting(event -> event.getThrowableProxy() == null ? event.getFormattedMessage()
                    : event.getThrowableProxy().getMessage() + " " + event.getLevel())
                    .containsExactly("LeaderDecider uninitialized ERROR", "another cause ERROR",
                            "LeaderDecider uninitialized ERROR", "LeaderDecider uninitialized WARN",
                            "Worker executor service has been shutdown, so record processors cannot be shutdown.",
                            "LeaderDecider uninitialized ERROR");
        } finally {
            StoppingReaderLog.FILTER.stopped(reader);
            kcl.detachAppender(logged);
        }
    }

    private static IllegalStateException uninitialized(String when) {
        IllegalStateException thrown = new IllegalStateException(StoppingReaderLog.UNINITIALIZED);
        thrown.addSuppressed(new IllegalStateException(when));
        return thrown;
    }
}
