package dev.hybriddb.repository;

import dev.hybriddb.model.Event;
import dev.hybriddb.model.EventFields;
import dev.hybriddb.model.EventFilter;
import dev.hybriddb.model.EventStats;
import dev.hybriddb.model.EventTypeStats;
import java.util.List;

/** The event log of the scope's tenant. */
public interface EventRepository extends CrudRepository<Event, EventFields> {
    /** Events matching the filter, newest first. */
    List<Event> findByFilter(EventFilter filter);

    /** Counts of the last {@code hours} (1 to 8760). */
    EventStats getStats(int hours);

    /**
     * Per event type, the events of the last 24 hours: how many, from how many agents and swarms,
     * the first and the last; most frequent type first.
     */
    List<EventTypeStats> statsLast24h();
}
