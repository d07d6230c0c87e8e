--liquibase formatted sql

-- Documented length limits, enforced by the schema: every free-text column of the tenant tables
-- (and memory_banks) gets CHECK (char_length(column) <= n), n in characters (code points):
-- 255 for names, identifiers, e-mail addresses and labels, 500 for titles, 1,000 for user agents,
-- 2,048 for URLs, 100,000 for descriptions, 1,000,000 for long bodies (prompts, lesson content,
-- command output, error text). Elements of text[] columns (capabilities, tags, tech stack, agent
-- lists) are names: non-null and at most 255 characters each. The repositories check the same
-- limits first (ColumnLimits) so that a refusal names the field; these constraints hold for any
-- other writer. Existing rows must already fit: ADD CONSTRAINT validates them.

--changeset hybriddb:1000-text-length-limits-function splitStatements:false
CREATE FUNCTION hybriddb_text_elements_fit(elements text[], max_length integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN coalesce((SELECT bool_and(e IS NOT NULL AND char_length(e) <= max_length) FROM unnest(elements) AS e), true);
--rollback DROP FUNCTION hybriddb_text_elements_fit(text[], integer);

--changeset hybriddb:1000-text-length-limits-tenants
ALTER TABLE tenants
    ADD CONSTRAINT tenants_name_length CHECK (char_length(name) <= 255),
    ADD CONSTRAINT tenants_slug_length CHECK (char_length(slug) <= 255),
    ADD CONSTRAINT tenants_owner_email_length CHECK (char_length(owner_email) <= 255),
    ADD CONSTRAINT tenants_owner_name_length CHECK (char_length(owner_name) <= 255),
    ADD CONSTRAINT tenants_stripe_customer_id_length CHECK (char_length(stripe_customer_id) <= 255),
    ADD CONSTRAINT tenants_subscription_id_length CHECK (char_length(subscription_id) <= 255);
--rollback ALTER TABLE tenants DROP CONSTRAINT tenants_name_length, DROP CONSTRAINT tenants_slug_length, DROP CONSTRAINT tenants_owner_email_length, DROP CONSTRAINT tenants_owner_name_length, DROP CONSTRAINT tenants_stripe_customer_id_length, DROP CONSTRAINT tenants_subscription_id_length;

--changeset hybriddb:1000-text-length-limits-users
ALTER TABLE users
    ADD CONSTRAINT users_name_length CHECK (char_length(name) <= 255),
    ADD CONSTRAINT users_email_length CHECK (char_length(email) <= 255),
    ADD CONSTRAINT users_role_length CHECK (char_length(role) <= 255),
    ADD CONSTRAINT users_expertise_elements CHECK (hybriddb_text_elements_fit(expertise, 255));
--rollback ALTER TABLE users DROP CONSTRAINT users_name_length, DROP CONSTRAINT users_email_length, DROP CONSTRAINT users_role_length, DROP CONSTRAINT users_expertise_elements;

--changeset hybriddb:1000-text-length-limits-guests
ALTER TABLE guests
    ADD CONSTRAINT guests_name_length CHECK (char_length(name) <= 255),
    ADD CONSTRAINT guests_email_length CHECK (char_length(email) <= 255),
    ADD CONSTRAINT guests_fingerprint_length CHECK (char_length(fingerprint) <= 255);
--rollback ALTER TABLE guests DROP CONSTRAINT guests_name_length, DROP CONSTRAINT guests_email_length, DROP CONSTRAINT guests_fingerprint_length;

--changeset hybriddb:1000-text-length-limits-teams
ALTER TABLE teams
    ADD CONSTRAINT teams_name_length CHECK (char_length(name) <= 255),
    ADD CONSTRAINT teams_description_length CHECK (char_length(description) <= 100000);
--rollback ALTER TABLE teams DROP CONSTRAINT teams_name_length, DROP CONSTRAINT teams_description_length;

--changeset hybriddb:1000-text-length-limits-team_members
ALTER TABLE team_members
    ADD CONSTRAINT team_members_role_length CHECK (char_length(role) <= 255);
--rollback ALTER TABLE team_members DROP CONSTRAINT team_members_role_length;

--changeset hybriddb:1000-text-length-limits-apps
ALTER TABLE apps
    ADD CONSTRAINT apps_name_length CHECK (char_length(name) <= 255),
    ADD CONSTRAINT apps_description_length CHECK (char_length(description) <= 100000);
--rollback ALTER TABLE apps DROP CONSTRAINT apps_name_length, DROP CONSTRAINT apps_description_length;

--changeset hybriddb:1000-text-length-limits-kanban_boards
ALTER TABLE kanban_boards
    ADD CONSTRAINT kanban_boards_name_length CHECK (char_length(name) <= 255),
    ADD CONSTRAINT kanban_boards_description_length CHECK (char_length(description) <= 100000);
--rollback ALTER TABLE kanban_boards DROP CONSTRAINT kanban_boards_name_length, DROP CONSTRAINT kanban_boards_description_length;

--changeset hybriddb:1000-text-length-limits-task_states
ALTER TABLE task_states
    ADD CONSTRAINT task_states_name_length CHECK (char_length(name) <= 255),
    ADD CONSTRAINT task_states_color_length CHECK (char_length(color) <= 255);
--rollback ALTER TABLE task_states DROP CONSTRAINT task_states_name_length, DROP CONSTRAINT task_states_color_length;

--changeset hybriddb:1000-text-length-limits-projects
ALTER TABLE projects
    ADD CONSTRAINT projects_ecosystem_length CHECK (char_length(ecosystem) <= 255),
    ADD CONSTRAINT projects_name_length CHECK (char_length(name) <= 255),
    ADD CONSTRAINT projects_description_length CHECK (char_length(description) <= 100000),
    ADD CONSTRAINT projects_repository_url_length CHECK (char_length(repository_url) <= 2048),
    ADD CONSTRAINT projects_homepage_url_length CHECK (char_length(homepage_url) <= 2048),
    ADD CONSTRAINT projects_default_branch_length CHECK (char_length(default_branch) <= 255),
    ADD CONSTRAINT projects_tech_stack_elements CHECK (hybriddb_text_elements_fit(tech_stack, 255));
--rollback ALTER TABLE projects DROP CONSTRAINT projects_ecosystem_length, DROP CONSTRAINT projects_name_length, DROP CONSTRAINT projects_description_length, DROP CONSTRAINT projects_repository_url_length, DROP CONSTRAINT projects_homepage_url_length, DROP CONSTRAINT projects_default_branch_length, DROP CONSTRAINT projects_tech_stack_elements;

--changeset hybriddb:1000-text-length-limits-swarms
ALTER TABLE swarms
    ADD CONSTRAINT swarms_name_length CHECK (char_length(name) <= 255),
    ADD CONSTRAINT swarms_description_length CHECK (char_length(description) <= 100000);
--rollback ALTER TABLE swarms DROP CONSTRAINT swarms_name_length, DROP CONSTRAINT swarms_description_length;

--changeset hybriddb:1000-text-length-limits-agents
ALTER TABLE agents
    ADD CONSTRAINT agents_name_length CHECK (char_length(name) <= 255),
    ADD CONSTRAINT agents_model_length CHECK (char_length(model) <= 255),
    ADD CONSTRAINT agents_task_length CHECK (char_length(task) <= 100000),
    ADD CONSTRAINT agents_lifecycle_state_length CHECK (char_length(lifecycle_state) <= 255),
    ADD CONSTRAINT agents_paused_by_length CHECK (char_length(paused_by) <= 255),
    ADD CONSTRAINT agents_capabilities_elements CHECK (hybriddb_text_elements_fit(capabilities, 255));
--rollback ALTER TABLE agents DROP CONSTRAINT agents_name_length, DROP CONSTRAINT agents_model_length, DROP CONSTRAINT agents_task_length, DROP CONSTRAINT agents_lifecycle_state_length, DROP CONSTRAINT agents_paused_by_length, DROP CONSTRAINT agents_capabilities_elements;

--changeset hybriddb:1000-text-length-limits-tasks
ALTER TABLE tasks
    ADD CONSTRAINT tasks_title_length CHECK (char_length(title) <= 500),
    ADD CONSTRAINT tasks_description_length CHECK (char_length(description) <= 100000),
    ADD CONSTRAINT tasks_prompt_length CHECK (char_length(prompt) <= 1000000),
    ADD CONSTRAINT tasks_current_agent_length CHECK (char_length(current_agent) <= 255),
    ADD CONSTRAINT tasks_required_capabilities_elements CHECK (hybriddb_text_elements_fit(required_capabilities, 255)),
    ADD CONSTRAINT tasks_completed_agents_elements CHECK (hybriddb_text_elements_fit(completed_agents, 255)),
    ADD CONSTRAINT tasks_agent_queue_elements CHECK (hybriddb_text_elements_fit(agent_queue, 255));
--rollback ALTER TABLE tasks DROP CONSTRAINT tasks_title_length, DROP CONSTRAINT tasks_description_length, DROP CONSTRAINT tasks_prompt_length, DROP CONSTRAINT tasks_current_agent_length, DROP CONSTRAINT tasks_required_capabilities_elements, DROP CONSTRAINT tasks_completed_agents_elements, DROP CONSTRAINT tasks_agent_queue_elements;

--changeset hybriddb:1000-text-length-limits-agent_executions
ALTER TABLE agent_executions
    ADD CONSTRAINT agent_executions_model_length CHECK (char_length(model) <= 255),
    ADD CONSTRAINT agent_executions_error_length CHECK (char_length(error) <= 1000000);
--rollback ALTER TABLE agent_executions DROP CONSTRAINT agent_executions_model_length, DROP CONSTRAINT agent_executions_error_length;

--changeset hybriddb:1000-text-length-limits-events
ALTER TABLE events
    ADD CONSTRAINT events_type_length CHECK (char_length(type) <= 255);
--rollback ALTER TABLE events DROP CONSTRAINT events_type_length;

--changeset hybriddb:1000-text-length-limits-sessions
ALTER TABLE sessions
    ADD CONSTRAINT sessions_current_branch_length CHECK (char_length(current_branch) <= 255);
--rollback ALTER TABLE sessions DROP CONSTRAINT sessions_current_branch_length;

--changeset hybriddb:1000-text-length-limits-budgets
ALTER TABLE budgets
    ADD CONSTRAINT budgets_scope_type_length CHECK (char_length(scope_type) <= 255);
--rollback ALTER TABLE budgets DROP CONSTRAINT budgets_scope_type_length;

--changeset hybriddb:1000-text-length-limits-api_keys
ALTER TABLE api_keys
    ADD CONSTRAINT api_keys_service_length CHECK (char_length(service) <= 255),
    ADD CONSTRAINT api_keys_description_length CHECK (char_length(description) <= 100000);
--rollback ALTER TABLE api_keys DROP CONSTRAINT api_keys_service_length, DROP CONSTRAINT api_keys_description_length;

--changeset hybriddb:1000-text-length-limits-lessons
ALTER TABLE lessons
    ADD CONSTRAINT lessons_title_length CHECK (char_length(title) <= 500),
    ADD CONSTRAINT lessons_content_length CHECK (char_length(content) <= 1000000),
    ADD CONSTRAINT lessons_category_length CHECK (char_length(category) <= 255),
    ADD CONSTRAINT lessons_tags_elements CHECK (hybriddb_text_elements_fit(tags, 255));
--rollback ALTER TABLE lessons DROP CONSTRAINT lessons_title_length, DROP CONSTRAINT lessons_content_length, DROP CONSTRAINT lessons_category_length, DROP CONSTRAINT lessons_tags_elements;

--changeset hybriddb:1000-text-length-limits-audit_logs
ALTER TABLE audit_logs
    ADD CONSTRAINT audit_logs_actor_type_length CHECK (char_length(actor_type) <= 255),
    ADD CONSTRAINT audit_logs_actor_id_length CHECK (char_length(actor_id) <= 255),
    ADD CONSTRAINT audit_logs_action_length CHECK (char_length(action) <= 255),
    ADD CONSTRAINT audit_logs_resource_type_length CHECK (char_length(resource_type) <= 255),
    ADD CONSTRAINT audit_logs_resource_id_length CHECK (char_length(resource_id) <= 255),
    ADD CONSTRAINT audit_logs_user_agent_length CHECK (char_length(user_agent) <= 1000);
--rollback ALTER TABLE audit_logs DROP CONSTRAINT audit_logs_actor_type_length, DROP CONSTRAINT audit_logs_actor_id_length, DROP CONSTRAINT audit_logs_action_length, DROP CONSTRAINT audit_logs_resource_type_length, DROP CONSTRAINT audit_logs_resource_id_length, DROP CONSTRAINT audit_logs_user_agent_length;

--changeset hybriddb:1000-text-length-limits-contributors
ALTER TABLE contributors
    ADD CONSTRAINT contributors_name_length CHECK (char_length(name) <= 255),
    ADD CONSTRAINT contributors_email_length CHECK (char_length(email) <= 255),
    ADD CONSTRAINT contributors_github_username_length CHECK (char_length(github_username) <= 255),
    ADD CONSTRAINT contributors_wallet_address_length CHECK (char_length(wallet_address) <= 255);
--rollback ALTER TABLE contributors DROP CONSTRAINT contributors_name_length, DROP CONSTRAINT contributors_email_length, DROP CONSTRAINT contributors_github_username_length, DROP CONSTRAINT contributors_wallet_address_length;

--changeset hybriddb:1000-text-length-limits-assets
ALTER TABLE assets
    ADD CONSTRAINT assets_name_length CHECK (char_length(name) <= 255),
    ADD CONSTRAINT assets_description_length CHECK (char_length(description) <= 100000),
    ADD CONSTRAINT assets_asset_type_length CHECK (char_length(asset_type) <= 255);
--rollback ALTER TABLE assets DROP CONSTRAINT assets_name_length, DROP CONSTRAINT assets_description_length, DROP CONSTRAINT assets_asset_type_length;

--changeset hybriddb:1000-text-length-limits-agent_tasks
ALTER TABLE agent_tasks
    ADD CONSTRAINT agent_tasks_direction_length CHECK (char_length(direction) <= 255),
    ADD CONSTRAINT agent_tasks_command_length CHECK (char_length(command) <= 1000000),
    ADD CONSTRAINT agent_tasks_output_length CHECK (char_length(output) <= 1000000),
    ADD CONSTRAINT agent_tasks_current_step_length CHECK (char_length(current_step) <= 255),
    ADD CONSTRAINT agent_tasks_decision_prompt_length CHECK (char_length(decision_prompt) <= 1000000),
    ADD CONSTRAINT agent_tasks_decision_length CHECK (char_length(decision) <= 100000);
--rollback ALTER TABLE agent_tasks DROP CONSTRAINT agent_tasks_direction_length, DROP CONSTRAINT agent_tasks_command_length, DROP CONSTRAINT agent_tasks_output_length, DROP CONSTRAINT agent_tasks_current_step_length, DROP CONSTRAINT agent_tasks_decision_prompt_length, DROP CONSTRAINT agent_tasks_decision_length;

--changeset hybriddb:1000-text-length-limits-memory_banks
ALTER TABLE memory_banks
    ADD CONSTRAINT memory_banks_name_length CHECK (char_length(name) <= 255),
    ADD CONSTRAINT memory_banks_description_length CHECK (char_length(description) <= 100000);
--rollback ALTER TABLE memory_banks DROP CONSTRAINT memory_banks_name_length, DROP CONSTRAINT memory_banks_description_length;
