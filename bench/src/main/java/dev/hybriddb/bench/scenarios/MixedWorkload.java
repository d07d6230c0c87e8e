package dev.hybriddb.bench.scenarios;

import dev.hybriddb.HybridDB;
import dev.hybriddb.TenantScope;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One write of the mixed stream, each its own tenant transaction through the SDK: task updates,
 * inserts and deletes, dependencies added and removed, assignments changed, agent updates, and
 * probe updates whose arrival in the graph measures the lag. The mix is fixed:
 * 25 % task update, 15 % task insert, 10 % task delete, 15 % dependency added, 10 % dependency
 * removed, 15 % assignment changed, 5 % agent update, 5 % probe. Each write is one statement sent
 * over JDBC on the SDK transaction's connection.
 */
final class MixedWorkload {
    /** Probe tasks per tenant: the first tasks of each tenant, written only by probes. */
    static final int PROBES = 32;
    private static final String[] TASK_STATUS = {"pending", "in_progress", "blocked", "completed"};
    private static final String[] AGENT_STATUS = {"idle", "busy", "active", "paused"};

    private final HybridDB db;
    private final List<MixedGraph> tenants;
    private final Map<UUID, ConcurrentLinkedDeque<UUID>> inserted = new ConcurrentHashMap<>();
    private final Map<UUID, ConcurrentLinkedDeque<UUID[]>> dependencies = new ConcurrentHashMap<>();

    MixedWorkload(HybridDB db, List<MixedGraph> tenants) {
        this.db = db;
        this.tenants = tenants;
        for (MixedGraph t : tenants) {
            inserted.put(t.tenant, new ConcurrentLinkedDeque<>());
            dependencies.put(t.tenant, new ConcurrentLinkedDeque<>());
        }
    }

    /** The tenant and probe slot that probe number {@code probe} writes. */
    MixedGraph probeTenant(long probe) {
        return tenants.get((int) (probe % tenants.size()));
    }

    static int probeSlot(long probe, int tenantCount) {
        return (int) ((probe / tenantCount) % PROBES);
    }

    /** Whether op number {@code seq} is a probe (every 20th). */
    static boolean isProbe(long seq) {
        return seq % 20 == 19;
    }

    /** Writes probe {@code probe}: its task's priority becomes {@code value}. */
    void probe(long probe, int value) {
        MixedGraph t = probeTenant(probe);
        UUID task = t.tasks.get(probeSlot(probe, tenants.size()));
        db.useTenant(t.tenant, s -> {
            update(s, "UPDATE tasks SET priority = ? WHERE id = ?", value, task);
        });
    }

    /** Runs one non-probe write chosen by the fixed mix. */
    void write() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        MixedGraph t = tenants.get(r.nextInt(tenants.size()));
        int dice = r.nextInt(95);
        if (dice < 25) {
            exec(t, "UPDATE tasks SET status = ?::task_status, priority = ? WHERE id = ?",
                    TASK_STATUS[r.nextInt(TASK_STATUS.length)], r.nextInt(5), anyTask(t, r));
        } else if (dice < 40) {
            insertTask(t, r);
        } else if (dice < 50) {
            UUID victim = inserted.get(t.tenant).pollFirst();
            if (victim == null) {
                insertTask(t, r);
            } else {
                exec(t, "DELETE FROM tasks WHERE id = ?", victim);
            }
        } else if (dice < 65) {
            addDependency(t, r);
        } else if (dice < 75) {
            UUID[] dep = dependencies.get(t.tenant).pollFirst();
            if (dep == null) {
                addDependency(t, r);
            } else {
                exec(t, "DELETE FROM task_dependencies WHERE task_id = ? AND depends_on_task_id = ?", dep[0], dep[1]);
            }
        } else if (dice < 90) {
            exec(t, "UPDATE tasks SET assigned_agent_id = ? WHERE id = ?", anyAgent(t, r), anyTask(t, r));
        } else {
            exec(t, "UPDATE agents SET status = ?::agent_status WHERE id = ?",
                    AGENT_STATUS[r.nextInt(AGENT_STATUS.length)], anyAgent(t, r));
        }
    }

    private void insertTask(MixedGraph t, ThreadLocalRandom r) {
        UUID id = UUID.randomUUID();
        exec(t, "INSERT INTO tasks (id, tenant_id, title, assigned_agent_id, required_capabilities) VALUES (?, ?, ?, ?, ?)",
                id, t.tenant, "new task", anyAgent(t, r), new String[] {"cap" + r.nextInt(20)});
        inserted.get(t.tenant).addLast(id);
    }

    private void addDependency(MixedGraph t, ThreadLocalRandom r) {
        UUID from = anyTask(t, r);
        UUID to = anyTask(t, r);
        if (from.equals(to)) {
            return;
        }
        int n = db.withTenant(t.tenant, s -> update(s, "INSERT INTO task_dependencies (tenant_id, task_id, depends_on_task_id)"
                + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING", t.tenant, from, to));
        if (n == 1) {
            dependencies.get(t.tenant).addLast(new UUID[] {from, to});
        }
    }

    /** A loaded task that no probe writes (loaded tasks are never deleted). */
    private static UUID anyTask(MixedGraph t, ThreadLocalRandom r) {
        return t.tasks.get(PROBES + r.nextInt(t.tasks.size() - PROBES));
    }

    private static UUID anyAgent(MixedGraph t, ThreadLocalRandom r) {
        return t.agents.get(r.nextInt(t.agents.size()));
    }

    private void exec(MixedGraph t, String sql, Object... args) {
        db.useTenant(t.tenant, s -> {
            update(s, sql, args);
        });
    }

    /**
     * One statement over JDBC on the transaction's connection: the application's own SQL, without
     * the plain-SQL parsing jOOQ does to classify a statement it did not build.
     */
    private static int update(TenantScope s, String sql, Object... args) {
        try (PreparedStatement ps = s.connection().prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof String[] array) {
                    ps.setArray(i + 1, s.connection().createArrayOf("text", array));
                } else {
                    ps.setObject(i + 1, args[i]);
                }
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);     // the SDK finds the SQLException in the cause chain, as with jOOQ's
        }
    }
}
