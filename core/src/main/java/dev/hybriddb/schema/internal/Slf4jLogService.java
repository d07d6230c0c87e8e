package dev.hybriddb.schema.internal;

import liquibase.logging.Logger;
import liquibase.logging.core.AbstractLogService;
import org.slf4j.LoggerFactory;

/** Routes Liquibase's logging to SLF4J (logger names are Liquibase's class names). */
public final class Slf4jLogService extends AbstractLogService {
    @Override
    public int getPriority() {
        return PRIORITY_SPECIALIZED;
    }

    @Override
    public Logger getLog(Class clazz) {
        return new Slf4jLiquibaseLogger(LoggerFactory.getLogger(clazz == null ? Slf4jLogService.class : clazz));
    }
}
