package dev.hybriddb.model;

import java.util.List;
import java.util.Map;

/**
 * Where an orchestrated task stands: the analysis a planner wrote, the agent working on it now,
 * the agents that finished their part and those still queued, the retries used and allowed, the
 * last error and the checkpoints saved so far (to resume after a failure). Stored on the task row.
 *
 * @param analysis        the planner's analysis (a JSON object), empty when none
 * @param currentAgent    the agent (or agent kind) working on the task now, or null
 * @param completedAgents agents that finished their part, in order
 * @param agentQueue      agents still to run, in order
 * @param retryCount      retries used, at least 0
 * @param maxRetries      retries allowed, at least 0
 * @param error           the last error (a JSON object), empty when none
 * @param checkpoints     saved checkpoints (JSON objects), oldest first
 */
public record TaskOrchestration(Map<String, Object> analysis, String currentAgent, List<String> completedAgents,
                                List<String> agentQueue, int retryCount, int maxRetries, Map<String, Object> error,
                                List<Map<String, Object>> checkpoints) {
    public TaskOrchestration {
        analysis = analysis == null ? Map.of() : analysis;
        completedAgents = completedAgents == null ? List.of() : List.copyOf(completedAgents);
        agentQueue = agentQueue == null ? List.of() : List.copyOf(agentQueue);
        error = error == null ? Map.of() : error;
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
    }

    /** The state of a task nobody has orchestrated yet (3 retries allowed). */
    public static TaskOrchestration initial() {
        return new TaskOrchestration(Map.of(), null, List.of(), List.of(), 0, 3, Map.of(), List.of());
    }

    /** The same state with {@code agent} working on the task now. */
    public TaskOrchestration withCurrentAgent(String agent) {
        return new TaskOrchestration(analysis, agent, completedAgents, agentQueue, retryCount, maxRetries, error, checkpoints);
    }

    /** The same state with these agents queued. */
    public TaskOrchestration withAgentQueue(List<String> queue) {
        return new TaskOrchestration(analysis, currentAgent, completedAgents, queue, retryCount, maxRetries, error, checkpoints);
    }

    /** The same state with a planner's analysis. */
    public TaskOrchestration withAnalysis(Map<String, Object> a) {
        return new TaskOrchestration(a, currentAgent, completedAgents, agentQueue, retryCount, maxRetries, error, checkpoints);
    }

    /** The current agent finished: it moves to the completed agents and the next queued agent (if any) takes over. */
    public TaskOrchestration advance() {
        List<String> done = new java.util.ArrayList<>(completedAgents);
        if (currentAgent != null) {
            done.add(currentAgent);
        }
        String next = agentQueue.isEmpty() ? null : agentQueue.get(0);
        List<String> rest = agentQueue.isEmpty() ? List.of() : agentQueue.subList(1, agentQueue.size());
        return new TaskOrchestration(analysis, next, done, rest, retryCount, maxRetries, error, checkpoints);
    }

    /** A failed attempt: the error is kept and a retry is used. */
    public TaskOrchestration failed(Map<String, Object> e) {
        return new TaskOrchestration(analysis, currentAgent, completedAgents, agentQueue, retryCount + 1, maxRetries, e, checkpoints);
    }

    /** The same state with one more checkpoint. */
    public TaskOrchestration withCheckpoint(Map<String, Object> checkpoint) {
        List<Map<String, Object>> all = new java.util.ArrayList<>(checkpoints);
        all.add(checkpoint);
        return new TaskOrchestration(analysis, currentAgent, completedAgents, agentQueue, retryCount, maxRetries, error, all);
    }

    /** True while retries are left. */
    public boolean canRetry() {
        return retryCount < maxRetries;
    }
}
