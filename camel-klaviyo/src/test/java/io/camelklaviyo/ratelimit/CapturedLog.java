package io.camelklaviyo.ratelimit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** The lines one logger writes while the capture is open, at INFO and above. */
final class CapturedLog extends AbstractAppender implements AutoCloseable {

    private final Logger logger;
    private final Level previous;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    CapturedLog(Class<?> loggerOf) {
        super("captured-" + loggerOf.getSimpleName(), null, null, true, Property.EMPTY_ARRAY);
        this.logger = (Logger) LogManager.getLogger(loggerOf);
        this.previous = logger.getLevel();
        start();
        logger.addAppender(this);
        logger.setLevel(Level.INFO);
    }

    @Override
    public void append(LogEvent event) {
        lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        logger.removeAppender(this);
        logger.setLevel(previous);
        stop();
    }
}
