package com.unicornstore.platform.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Drops one known line that a library logs as an error while a component of the platform stops
 * on purpose, and only while one does: between {@link #stopping} and {@link #stopped} of some
 * component. Every other line, and that line at any other time, is logged as before.
 */
public abstract class LineExpectedWhileStopping extends TurboFilter {

    private final Set<Object> stopping = ConcurrentHashMap.newKeySet();

    /**
     * {@code component} is stopping: the line is expected from now on. The filter is put in now, not
     * when its class loads: Spring Boot resets logback's filters each time it configures logging.
     */
    public void stopping(Object component) {
        stopping.add(component);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            synchronized (LineExpectedWhileStopping.class) {
                if (!logback.getTurboFilterList().contains(this)) {
                    logback.addTurboFilter(this);
                }
            }
        }
    }

    /** {@code component} has stopped: the line is news again. */
    public void stopped(Object component) {
        stopping.remove(component);
    }

    /** Whether this call is the expected line; SLF4J passes a throwable after the format's arguments as the last one. */
    protected abstract boolean isTheLine(Logger logger, Level level, String format, Object[] params, Throwable t);

    @Override
    public final FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        return !stopping.isEmpty() && isTheLine(logger, level, format, params, t) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
