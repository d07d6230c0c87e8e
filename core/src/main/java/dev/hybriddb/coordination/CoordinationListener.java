package dev.hybriddb.coordination;

import java.time.Duration;

/**
 * Told about every coordination query a {@link Coordinator} answered: which query, where the
 * answer came from, and how long it took. Used for metrics (the {@code hybriddb-micrometer} module
 * turns it into a timer); it runs on the caller's thread after the answer, so keep it cheap and
 * never throw from it (what it throws is logged and ignored).
 */
@FunctionalInterface
public interface CoordinationListener {

    /**
     * One query done.
     *
     * @param query    the query's method name, for example {@code rankAgentsForTask}
     * @param source   {@link CoordinationMode#GRAPH} when the graph answered, otherwise the SQL mode
     *                 in force ({@code SQL_FALLBACK} or {@code SQL_ONLY})
     * @param elapsed  the time from the call to its answer or failure
     * @param failure  the exception the query ended with (invalid input, unknown task...), or null
     */
    void answered(String query, CoordinationMode source, Duration elapsed, Throwable failure);
}
