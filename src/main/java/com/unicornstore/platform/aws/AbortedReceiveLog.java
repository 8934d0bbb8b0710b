package com.unicornstore.platform.aws;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.component.aws2.sqs.Sqs2Consumer;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Camel 4.17's SQS consumer logs a failed receive itself, at ERROR with the stack trace
 * ({@code Sqs2Consumer$PollingTask.poll}: "Error while polling"), before it hands the failure to the
 * consumer's exception handler. A receive that {@link SqsLongPolling#abortPolls()} cut short as the
 * platform stops is no failure, so while some {@link SqsLongPolling} has aborted its receives and is
 * not closed yet, that one line of that one logger is dropped ({@link SqsLongPolling.AbortedReceivesQuiet}
 * then logs it at DEBUG). Every other line, and that line at any other time, is logged as before.
 */
final class AbortedReceiveLog extends TurboFilter {

    /** What {@code Sqs2Consumer$PollingTask} logs for a failed receive. */
    static final String CAMEL_MESSAGE = "Error while polling";
    private static final String CAMEL_LOGGER = Sqs2Consumer.class.getName();
    private static final Set<SqsLongPolling> ABORTED = ConcurrentHashMap.newKeySet();

    private static final AbortedReceiveLog FILTER = new AbortedReceiveLog();

    private AbortedReceiveLog() {}

    /**
     * {@code polling}'s receives are being aborted: their failures are expected from now on. The
     * filter is put in now, not when the class loads: Spring Boot resets logback's filters each time
     * it configures logging.
     */
    static void aborting(SqsLongPolling polling) {
        ABORTED.add(polling);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            synchronized (AbortedReceiveLog.class) {
                if (!logback.getTurboFilterList().contains(FILTER)) {
                    logback.addTurboFilter(FILTER);
                }
            }
        }
    }

    /** {@code polling} is closed: its consumers have stopped, a failed receive is news again. */
    static void closed(SqsLongPolling polling) {
        ABORTED.remove(polling);
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        return !ABORTED.isEmpty() && level == Level.ERROR && CAMEL_MESSAGE.equals(format)
                && CAMEL_LOGGER.equals(logger.getName()) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
