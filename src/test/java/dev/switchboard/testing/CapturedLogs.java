package dev.switchboard.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Every log event while open, with one logger turned up to a level (the tests' logging config keeps ours at WARN).
 * Closing detaches it and restores the level; what was captured stays readable.
 */
public final class CapturedLogs implements AutoCloseable {
    private final Logger root;
    private final Logger raised;
    private final Level before;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLogs(String loggerName, Level level) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        this.root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        this.raised = context.getLogger(loggerName);
        this.before = raised.getLevel();
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
        raised.setLevel(level);
    }

    /** Starts capturing, with {@code loggerName} (and the loggers under it) logging at {@code level}. */
    public static CapturedLogs at(String loggerName, Level level) {
        return new CapturedLogs(loggerName, level);
    }

    /** What was logged so far. */
    public List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        raised.setLevel(before);
    }
}
