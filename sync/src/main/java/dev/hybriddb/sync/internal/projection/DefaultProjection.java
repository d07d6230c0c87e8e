package dev.hybriddb.sync.internal.projection;

import dev.hybriddb.sync.projection.Conversion;
import dev.hybriddb.sync.projection.Projection;
import dev.hybriddb.sync.reconcile.Side;

/**
 * The projection of HybridDB's schema (changelogs 0000-0499): the graph model of HELPERS /
 * docs/architecture.md, plus contributions (seed 003), lessons and agent tasks. Not projected
 * (docs/sync.md): tenants (each tenant is a graph), events, sessions, budgets and audit_logs (time
 * series and state, not graph questions) and the vector tables (documents, memory_banks, memories,
 * conversations: similarity search stays in pgvector). Secrets never (api_keys.ciphertext,
 * api_keys.nonce); contributors.wallet_address stays in PostgreSQL too. Large free text and jsonb
 * blobs (prompts, commands, outputs, lesson content, analysis, checkpoints, config, metadata) stay in
 * PostgreSQL.
 */
public final class DefaultProjection {
    public static final Projection PROJECTION = build();

    private DefaultProjection() {}

    private static Projection build() {
        return Projection.builder()
                .node("users", "User", n -> n
                        .properties("name", "email", "role", "is_available_for_hire", "hourly_rate", "expertise",
                                "created_at", "updated_at")
                        .property("metadata", Conversion.JSON_STRING))
                .node("guests", "Guest", n -> n.properties("name", "email", "fingerprint", "created_at", "updated_at"))
                .node("teams", "Team", n -> n
                        .properties("name", "description", "created_at", "updated_at")
                        .edgeFrom("owner_id", "OWNS", "User"))
                .node("apps", "App", n -> n
                        .properties("name", "description", "created_at", "updated_at")
                        .edgeFrom("user_id", "OWNS", "User")
                        .edgeTo("team_id", "BELONGS_TO", "Team"))
                .node("kanban_boards", "KanbanBoard", n -> n
                        .properties("name", "description", "created_at", "updated_at")
                        .edgeFrom("user_id", "OWNS", "User")
                        .edgeTo("team_id", "BELONGS_TO", "Team")
                        .edgeTo("app_id", "BELONGS_TO", "App"))
                .node("task_states", "TaskState", n -> n
                        .properties("name", "position", "color", "wip_limit", "created_at", "updated_at")
                        .edgeTo("board_id", "BELONGS_TO", "KanbanBoard"))
                .node("projects", "Project", n -> n
                        .properties("ecosystem", "name", "description", "status", "tech_stack", "repository_url",
                                "homepage_url", "default_branch", "dependency_count", "created_at", "updated_at",
                                "archived_at"))
                .node("swarms", "Swarm", n -> n.properties("name", "description", "status", "created_at", "updated_at"))
                .node("agents", "Agent", n -> n
                        .properties("name", "role", "model", "task", "status", "lifecycle_state", "capabilities", "capability_keys",
                                "open_task_count", "pos_x", "pos_y", "pos_z", "paused_by", "paused_at", "started_at", "completed_at",
                                "created_at", "updated_at")
                        .edgeTo("swarm_id", "MEMBER_OF", "Swarm")
                        .edgeFrom("manager_id", "MANAGES", "Agent"))
                .node("tasks", "Task", n -> n
                        .properties("title", "description", "type", "status", "priority", "required_capabilities",
                                "pos_x", "pos_y", "pos_z", "current_agent", "retry_count", "max_retries", "due_at",
                                "started_at", "completed_at", "created_at", "updated_at")
                        .edgeTo("task_state_id", "BELONGS_TO", "TaskState")
                        .edgeTo("board_id", "BELONGS_TO", "KanbanBoard")
                        .edgeTo("app_id", "BELONGS_TO", "App")
                        .edgeTo("project_id", "BELONGS_TO", "Project")
                        .edgeFrom("user_id", "OWNS", "User")
                        .edgeFrom("assigned_agent_id", "ASSIGNED_TO", "Agent")
                        .edgeFrom("coordinator_id", "COORDINATES", "Agent"))
                .node("api_keys", "ApiKey", n -> n
                        .properties("service", "description", "key_version", "created_at", "updated_at",
                                "last_used_at", "revoked_at")
                        .edgeFrom("agent_id", "HAS_ACCESS_TO", "Agent"))
                .node("contributors", "Contributor", n -> n
                        .properties("name", "email", "github_username", "created_at", "updated_at"))
                .node("assets", "Asset", n -> n
                        .properties("name", "description", "asset_type", "total_cost", "created_at", "updated_at"))
                .node("lessons", "Lesson", n -> n
                        .properties("title", "category", "tags", "confidence", "applied_count", "created_at", "updated_at")
                        .edgeTo("project_id", "LEARNED_IN", "Project")
                        .edgeTo("task_id", "LEARNED_FROM", "Task")
                        .edgeFrom("agent_id", "LEARNED", "Agent"))
                .node("agent_tasks", "AgentTask", n -> n
                        .properties("direction", "task_type", "status", "model", "progress_pct", "current_step", "tier",
                                "started_at", "created_at", "updated_at")
                        .edgeFrom("agent_id", "ASSIGNED_TO", "Agent"))
                .join("team_members", "MEMBER_OF", j -> j
                        .key("id").from("user_id", "User").to("team_id", "Team")
                        .properties("role", "joined_at"))
                .join("project_dependencies", "DEPENDS_ON", j -> j
                        .key("id").from("from_project_id", "Project").to("to_project_id", "Project")
                        .properties("created_at"))
                .join("task_dependencies", "DEPENDS_ON", j -> j
                        .key("id").from("task_id", "Task").to("depends_on_task_id", "Task")
                        .properties("created_at"))
                .join("agent_executions", "EXECUTED", j -> j
                        .key("id").from("agent_id", "Agent").to("task_id", "Task")
                        .properties("result", "model", "started_at", "finished_at", "duration_ms", "tokens", "cost")
                        .latestBy("started_at").ownedBy(Side.TO))
                .join("contributions", "CONTRIBUTED_TO", j -> j
                        .key("id").from("contributor_id", "Contributor").to("asset_id", "Asset")
                        .properties("cost_amount", "coherence_score", "created_at")
                        .latestBy("created_at"))
                .build();
    }
}
