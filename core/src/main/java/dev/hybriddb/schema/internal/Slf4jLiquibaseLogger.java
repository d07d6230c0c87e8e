package dev.hybriddb.schema.internal;

import java.util.logging.Level;
import liquibase.logging.core.AbstractLogger;

/** One Liquibase logger backed by an SLF4J logger. */
final class Slf4jLiquibaseLogger extends AbstractLogger {
    private final org.slf4j.Logger delegate;

    Slf4jLiquibaseLogger(org.slf4j.Logger delegate) {
        this.delegate = delegate;
    }

    @Override
    public void log(Level level, String message, Throwable e) {
        if (level == null || level == Level.OFF) {
            return;
        }
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            delegate.error(message, e);
        } else if (value >= Level.WARNING.intValue()) {
            delegate.warn(message, e);
        } else if (value >= Level.INFO.intValue()) {
            delegate.info(message, e);
        } else if (value >= Level.FINE.intValue()) {
            delegate.debug(message, e);
        } else {
            delegate.trace(message, e);
        }
    }
}
