package dev.hybriddb.repository;

import dev.hybriddb.model.Event;
import dev.hybriddb.model.EventFields;
import dev.hybriddb.model.EventFilter;
import dev.hybriddb.model.EventStats;
import java.util.List;

/** The event log of the scope's tenant. */
public interface EventRepository extends CrudRepository<Event, EventFields> {
    /** Events matching the filter, newest first. */
    List<Event> findByFilter(EventFilter filter);

    /** Counts of the last {@code hours} (1 to 8760). */
    EventStats getStats(int hours);
}
