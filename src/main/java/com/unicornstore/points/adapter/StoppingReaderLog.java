package com.unicornstore.points.adapter;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.unicornstore.platform.observability.LineExpectedWhileStopping;
import org.slf4j.LoggerFactory;
import software.amazon.kinesis.coordinator.Scheduler;

/**
 * KCL 3.1.1's stop logs an ERROR with a stack trace every 200 ms while it stops: its
 * {@code Scheduler.shutdown()} shuts the leader decider down, but the dispatch loop goes on until
 * the last shard consumer has ended, and each turn asks that decider whether it leads
 * ("Worker.run caught exception, sleeping for 200 milli seconds!", IllegalStateException
 * "LeaderDecider uninitialized"; awslabs/amazon-kinesis-client#1470). A jar stopped by SIGTERM
 * logged it 4-10 times. That is no failure, so while some reader of this instance stops, that
 * one line with that one cause is logged at DEBUG instead. Every other line, and that line at any
 * other time (a leader decider that never initializes), is logged as before.
 */
final class StoppingReaderLog extends LineExpectedWhileStopping {

    /** What the KCL's {@code Scheduler.runProcessLoop} logs for an exception in its loop. */
    static final String KCL_MESSAGE = "Worker.run caught exception, sleeping for {} milli seconds!";
    static final String UNINITIALIZED = "LeaderDecider uninitialized";
    private static final String KCL_LOGGER = Scheduler.class.getName();
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(StoppingReaderLog.class);

    static final StoppingReaderLog FILTER = new StoppingReaderLog();

    private StoppingReaderLog() {}

    @Override
    protected boolean isTheLine(Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.ERROR || !KCL_MESSAGE.equals(format) || !KCL_LOGGER.equals(logger.getName())) {
            return false;
        }
        Throwable thrown = t != null ? t
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
        if (thrown instanceof IllegalStateException && UNINITIALIZED.equals(thrown.getMessage())) {
            LOG.debug("The stopping stream reader's KCL loop found its leader decider shut down (KCL issue 1470)");
            return true;
        }
        return false;
    }
}
