package com.unicornstore.platform.aws;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.unicornstore.platform.observability.LineExpectedWhileStopping;
import org.apache.camel.component.aws2.sqs.Sqs2Consumer;

/**
 * Camel 4.17's SQS consumer logs a failed receive itself, at ERROR with the stack trace
 * ({@code Sqs2Consumer$PollingTask.poll}: "Error while polling"), before it hands the failure to the
 * consumer's exception handler. A receive that {@link SqsLongPolling#abortPolls()} cut short as the
 * platform stops is no failure, so while some {@link SqsLongPolling} has aborted its receives and is
 * not closed yet, that one line of that one logger is dropped ({@link SqsLongPolling.AbortedReceivesQuiet}
 * then logs it at DEBUG). Every other line, and that line at any other time, is logged as before.
 */
final class AbortedReceiveLog extends LineExpectedWhileStopping {

    /** What {@code Sqs2Consumer$PollingTask} logs for a failed receive. */
    static final String CAMEL_MESSAGE = "Error while polling";
    private static final String CAMEL_LOGGER = Sqs2Consumer.class.getName();

    static final AbortedReceiveLog FILTER = new AbortedReceiveLog();

    private AbortedReceiveLog() {}

    @Override
    protected boolean isTheLine(Logger logger, Level level, String format, Object[] params, Throwable t) {
        return level == Level.ERROR && CAMEL_MESSAGE.equals(format) && CAMEL_LOGGER.equals(logger.getName());
    }
}
