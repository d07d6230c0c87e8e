package dev.hybriddb.repository;

import dev.hybriddb.model.Budget;
import dev.hybriddb.model.BudgetFields;
import dev.hybriddb.model.BudgetUsage;
import java.math.BigDecimal;
import java.util.UUID;

/** Budgets of the scope's tenant. */
public interface BudgetRepository extends CrudRepository<Budget, BudgetFields> {
    /**
     * Consumes {@code tokens} and {@code cost} in one conditional UPDATE: only when the budget stays
     * within its allocation and token limit. Atomic under concurrency; never overspends.
     *
     * @return true when consumed, false when it would exceed the budget
     * @throws dev.hybriddb.NotFoundException when there is no such budget
     */
    boolean consumeBudget(UUID id, long tokens, BigDecimal cost);

    /** The usage of a budget with percentages. */
    BudgetUsage getUsage(UUID id);
}
