package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.EVENTS;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.jooq.tables.records.EventsRecord;
import dev.hybriddb.model.Event;
import dev.hybriddb.model.EventFields;
import dev.hybriddb.model.EventFilter;
import dev.hybriddb.model.EventStats;
import dev.hybriddb.model.EventTypeStats;
import dev.hybriddb.repository.EventRepository;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** {@link EventRepository} on {@code events}. */
public final class EventRepo extends TenantTable<EventsRecord, Event, EventFields> implements EventRepository {
    private final ReportViews views;

    public EventRepo(Scope scope) {
        super(scope, EVENTS, EVENTS.ID, EVENTS.TENANT_ID, EVENTS.CREATED_AT, "event");
        this.views = new ReportViews(scope);
    }

    @Override
    public List<EventTypeStats> statsLast24h() {
        return views.eventStats24h();
    }

    @Override
    protected Event map(EventsRecord r) {
        return new Event(r.getId(), r.getTenantId(), r.getType(), r.getSwarmId(), r.getAgentId(), Json.map(r.getPayload()),
                r.getCreatedAt());
    }

    @Override
    protected void validateNew(EventFields f) {
        Values.requireText("type", f.type());
    }

    @Override
    protected Values values(EventFields f) {
        return new Values().put(EVENTS.TYPE, Values.optionalText("type", f.type())).put(EVENTS.SWARM_ID, f.swarmId())
                .put(EVENTS.AGENT_ID, f.agentId()).json(EVENTS.PAYLOAD, f.payload());
    }

    @Override
    public List<Event> findByFilter(EventFilter filter) {
        Values.require("filter", filter);
        Condition c = DSL.noCondition();
        if (filter.swarmId() != null) {
            c = c.and(EVENTS.SWARM_ID.eq(filter.swarmId()));
        }
        if (filter.agentId() != null) {
            c = c.and(EVENTS.AGENT_ID.eq(filter.agentId()));
        }
        if (filter.types() != null && !filter.types().isEmpty()) {
            c = c.and(EVENTS.TYPE.in(filter.types()));
        }
        if (filter.since() != null) {
            c = c.and(EVENTS.CREATED_AT.ge(filter.since()));
        }
        return dsl.selectFrom(EVENTS).where(mine(c)).orderBy(EVENTS.CREATED_AT.desc(), EVENTS.ID.desc())
                .limit(filter.limit()).fetch(this::map);
    }

    @Override
    public EventStats getStats(int hours) {
        if (hours < 1 || hours > 8760) {
            throw new InvalidInputException("hours", hours, "must be between 1 and 8760");
        }
        Field<Integer> n = DSL.count().as("n");
        Field<OffsetDateTime> first = DSL.min(EVENTS.CREATED_AT).as("first_at");
        Field<OffsetDateTime> last = DSL.max(EVENTS.CREATED_AT).as("last_at");
        Condition recent = DSL.condition("{0} >= now() - make_interval(hours => {1})", EVENTS.CREATED_AT, DSL.val(hours));
        Map<String, Long> byType = new LinkedHashMap<>();
        long total = 0;
        OffsetDateTime firstAt = null;
        OffsetDateTime lastAt = null;
        for (var r : dsl.select(EVENTS.TYPE, n, first, last).from(EVENTS).where(mine(recent)).groupBy(EVENTS.TYPE)
                .orderBy(n.desc(), EVENTS.TYPE).fetch()) {
            byType.put(r.value1(), r.value2().longValue());
            total += r.value2();
            firstAt = firstAt == null || r.value3().isBefore(firstAt) ? r.value3() : firstAt;
            lastAt = lastAt == null || r.value4().isAfter(lastAt) ? r.value4() : lastAt;
        }
        return new EventStats(hours, total, Collections.unmodifiableMap(byType), firstAt, lastAt);
    }
}
