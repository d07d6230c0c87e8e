package dev.hybriddb.repository;

import dev.hybriddb.model.ExecutionResult;
import dev.hybriddb.model.AgentExecution;
import dev.hybriddb.model.AgentExecutionFields;
import dev.hybriddb.model.Page;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Agent executions of the scope's tenant. */
public interface AgentExecutionRepository extends CrudRepository<AgentExecution, AgentExecutionFields> {
    /** Finishes a run now: result, tokens, cost, and the duration from its start. */
    AgentExecution finish(UUID id, ExecutionResult result, long tokens, BigDecimal cost);

    /** An agent's runs, newest first. */
    List<AgentExecution> findByAgent(UUID agentId, Page page);
}
