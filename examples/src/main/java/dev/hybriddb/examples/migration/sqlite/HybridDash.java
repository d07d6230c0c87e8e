package dev.hybriddb.examples.migration.sqlite;

import dev.hybriddb.HybridDB;
import dev.hybriddb.TenantScope;
import dev.hybriddb.migrate.MigrationStore;
import dev.hybriddb.model.Agent;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.AgentStatus;
import dev.hybriddb.model.Page;
import dev.hybriddb.model.Swarm;
import dev.hybriddb.model.SwarmFields;
import dev.hybriddb.model.SwarmStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The application's new home: swarms and agents of one tenant through HybridDB's typed
 * repositories ({@code scope.swarms()}, {@code scope.agents()}), each call in one tenant
 * transaction. HybridDB chooses the ids, so each row keeps its SQLite id in
 * {@code metadata.legacy_id}; an agent's swarm is found by its swarm's legacy id. Lookups by
 * legacy id scan the tenant's rows, which is fine for a move of thousands; a larger application
 * would keep the legacy id in an indexed column of its own.
 */
public final class HybridDash {
    /** The metadata key holding the SQLite id. */
    public static final String LEGACY_ID = "legacy_id";

    private final HybridDB db;
    private final UUID tenant;

    public HybridDash(HybridDB db, UUID tenant) {
        this.db = db;
        this.tenant = tenant;
    }

    // tag::swarms[]
    /** Swarms as one side of a migration. */
    public MigrationStore<DashSwarm> swarms() {
        return new MigrationStore<>() {
            @Override
            public Optional<DashSwarm> read(String key) {
                return db.withTenant(tenant, s -> findSwarm(s, key).map(HybridDash::swarm));
            }

            @Override
            public void write(DashSwarm v) {
                db.useTenant(tenant, s -> {
                    SwarmFields fields = new SwarmFields(v.name(), null, SwarmStatus.fromLiteral(v.status()), null,
                            Map.of(LEGACY_ID, v.id()));
                    Optional<Swarm> existing = findSwarm(s, v.id());
                    if (existing.isPresent()) {
                        s.swarms().update(existing.get().id(), fields);
                    } else {
                        s.swarms().create(fields);
                    }
                });
            }

            @Override
            public boolean delete(String key) {
                return db.withTenant(tenant, s -> findSwarm(s, key).map(sw -> s.swarms().delete(sw.id())).orElse(false));
            }

            @Override
            public List<DashSwarm> readAll() {
                return db.withTenant(tenant, s -> all(p -> s.swarms().list(p)).stream().map(HybridDash::swarm).toList());
            }
        };
    }
    // end::swarms[]

    /** Agents as one side of a migration; their swarms must have moved first. */
    public MigrationStore<DashAgent> agents() {
        return new MigrationStore<>() {
            @Override
            public Optional<DashAgent> read(String key) {
                return db.withTenant(tenant, s -> findAgent(s, key).map(a -> agent(a, swarmKeys(s))));
            }

            @Override
            public void write(DashAgent v) {
                db.useTenant(tenant, s -> {
                    UUID swarm = v.swarmId() == null ? null : findSwarm(s, v.swarmId()).map(Swarm::id).orElseThrow(
                            () -> new IllegalStateException("swarm " + v.swarmId() + " of agent " + v.id() + " has not moved yet"));
                    AgentFields fields = new AgentFields(swarm, v.name(), null, v.model(), v.task(), null, null, null, null,
                            Map.of(LEGACY_ID, v.id()));
                    Optional<Agent> existing = findAgent(s, v.id());
                    UUID id = existing.isPresent() ? s.agents().update(existing.get().id(), fields).id() : s.agents().create(fields).id();
                    s.agents().updateStatus(id, AgentStatus.fromLiteral(v.status()));
                });
            }

            @Override
            public boolean delete(String key) {
                return db.withTenant(tenant, s -> findAgent(s, key).map(a -> s.agents().delete(a.id())).orElse(false));
            }

            @Override
            public List<DashAgent> readAll() {
                return db.withTenant(tenant, s -> {
                    Map<UUID, String> swarms = swarmKeys(s);
                    return all(p -> s.agents().list(p)).stream().map(a -> agent(a, swarms)).toList();
                });
            }
        };
    }

    private static Optional<Swarm> findSwarm(TenantScope s, String key) {
        return all(p -> s.swarms().list(p)).stream().filter(sw -> key.equals(sw.metadata().get(LEGACY_ID))).findFirst();
    }

    private static Optional<Agent> findAgent(TenantScope s, String key) {
        return all(p -> s.agents().list(p)).stream().filter(a -> key.equals(a.metadata().get(LEGACY_ID))).findFirst();
    }

    private static Map<UUID, String> swarmKeys(TenantScope s) {
        Map<UUID, String> out = new HashMap<>();
        all(p -> s.swarms().list(p)).forEach(sw -> out.put(sw.id(), (String) sw.metadata().get(LEGACY_ID)));
        return out;
    }

    /** Every row, page by page. */
    private static <T> List<T> all(Function<Page, List<T>> list) {
        List<T> out = new ArrayList<>();
        for (Page p = Page.first(Page.MAX_LIMIT); ; p = p.next()) {
            List<T> page = list.apply(p);
            out.addAll(page);
            if (page.size() < p.limit()) {
                return out;
            }
        }
    }

    private static DashSwarm swarm(Swarm s) {
        return new DashSwarm((String) s.metadata().get(LEGACY_ID), s.name(), s.status().literal());
    }

    private static DashAgent agent(Agent a, Map<UUID, String> swarmKeys) {
        return new DashAgent((String) a.metadata().get(LEGACY_ID), a.swarmId() == null ? null : swarmKeys.get(a.swarmId()),
                a.name(), a.model(), a.task(), a.status().literal());
    }
}
