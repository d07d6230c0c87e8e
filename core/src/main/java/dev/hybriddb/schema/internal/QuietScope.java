package dev.hybriddb.schema.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Runs Liquibase work in a scope that writes nothing to stdout: messages meant for a console
 * (update summaries and the like) go to the log, logging goes to SLF4J, and analytics are off.
 */
public final class QuietScope {
    private QuietScope() {}

    /** Work that may throw anything Liquibase throws. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    public static <T> T run(ResourceAccessor resources, Work<T> work) throws Exception {
        LoggerUIService ui = new LoggerUIService();
        ui.setStandardLogLevel(Level.FINE);
        ui.setErrorLogLevel(Level.WARNING);
        Map<String, Object> values = new HashMap<>();
        values.put(Scope.Attr.logService.name(), new Slf4jLogService());
        values.put(Scope.Attr.ui.name(), ui);
        values.put(Scope.Attr.resourceAccessor.name(), resources);
        values.put(AnalyticsArgs.ENABLED.getKey(), Boolean.FALSE);
        values.put("liquibase.showBanner", Boolean.FALSE);
        return Scope.child(values, work::run);
    }
}
