package dev.hybriddb.examples;

import dev.hybriddb.TenantScope;
import java.util.UUID;

/**
 * Small helpers the examples use to create rows inside a tenant's transaction. Plain SQL through
 * jOOQ with bind values: every value is a parameter.
 */
final class Workspace {
    private Workspace() {}

    static void tenant(TenantScope s, String name) {
        s.dsl().execute("INSERT INTO tenants (id, name, slug, status) VALUES (?, ?, ?, 'active')",
                s.tenantId(), name, name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "-" + s.tenantId());
    }

    static UUID agent(TenantScope s, String name, String role, UUID managerId, String... capabilities) {
        return (UUID) s.dsl().fetchValue("INSERT INTO agents (tenant_id, name, role, manager_id, capabilities)"
                + " VALUES (?, ?, ?::agent_role, ?, ?) RETURNING id", s.tenantId(), name, role, managerId, capabilities);
    }

    static UUID task(TenantScope s, String title, UUID assignedAgent, String... requiredCapabilities) {
        return (UUID) s.dsl().fetchValue("INSERT INTO tasks (tenant_id, title, assigned_agent_id, required_capabilities, status)"
                        + " VALUES (?, ?, ?, ?, ?::task_status) RETURNING id", s.tenantId(), title, assignedAgent,
                requiredCapabilities, assignedAgent == null ? "pending" : "in_progress");
    }

    static void dependsOn(TenantScope s, UUID task, UUID blocker) {
        s.dsl().execute("INSERT INTO task_dependencies (tenant_id, task_id, depends_on_task_id) VALUES (?, ?, ?)",
                s.tenantId(), task, blocker);
    }

    static String status(TenantScope s, UUID task) {
        return (String) s.dsl().fetchValue("SELECT status::text FROM tasks WHERE id = ?", task);
    }
}
