package dev.hybriddb.repository;

import dev.hybriddb.model.AgentTaskStatus;
import dev.hybriddb.model.AgentTask;
import dev.hybriddb.model.AgentTaskFields;
import dev.hybriddb.model.Page;
import java.util.List;
import java.util.Optional;

/** Orchestrated agent tasks of the scope's tenant, keyed by caller-chosen ids. */
public interface AgentTaskRepository {
    /** Inserts a pending task and returns it as stored. */
    AgentTask create(AgentTaskFields fields);

    /** The task with this id, if it exists for this tenant. */
    Optional<AgentTask> findById(String id);

    /** The task with this id; {@link dev.hybriddb.NotFoundException} if absent. */
    AgentTask get(String id);

    /** Tasks in this status, newest first. */
    List<AgentTask> findByStatus(AgentTaskStatus status, Page page);

    /** Records progress (0..100) and the current step. */
    AgentTask updateProgress(String id, int progressPct, String currentStep);

    /** Sets the status; {@code running} also stamps {@code started_at} the first time. */
    AgentTask updateStatus(String id, AgentTaskStatus status);

    /** Asks a human: status {@code needs_decision} with the prompt. */
    AgentTask requestDecision(String id, String prompt);

    /** Records the human's decision and sets the task running again. */
    AgentTask decide(String id, String decision);

    /** Tasks needing attention (status {@code needs_decision} or {@code failed}), newest first. */
    List<AgentTask> needingAttention(Page page);

    /** Deletes the task; false when there was none. */
    boolean delete(String id);
}
