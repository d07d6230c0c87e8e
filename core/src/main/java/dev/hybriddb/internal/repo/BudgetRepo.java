package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.BUDGETS;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.internal.Bounds;
import dev.hybriddb.jooq.tables.records.BudgetsRecord;
import dev.hybriddb.model.Budget;
import dev.hybriddb.model.BudgetFields;
import dev.hybriddb.model.BudgetUsage;
import dev.hybriddb.repository.BudgetRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.UUID;

/** {@link BudgetRepository} on {@code budgets}. */
public final class BudgetRepo extends TenantTable<BudgetsRecord, Budget, BudgetFields> implements BudgetRepository {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public BudgetRepo(Scope scope) {
        super(scope, BUDGETS, BUDGETS.ID, BUDGETS.TENANT_ID, BUDGETS.CREATED_AT, "budget");
    }

    @Override
    protected Budget map(BudgetsRecord r) {
        return new Budget(r.getId(), r.getTenantId(), r.getSwarmId(), r.getScopeType(), r.getScopeId(), r.getAllocated(),
                r.getConsumed(), r.getMaxTokens(), r.getConsumedTokens(), r.getCurrency(), r.getCreatedAt(), r.getUpdatedAt());
    }

    @Override
    protected void validateNew(BudgetFields f) {
        Values.require("allocated", f.allocated());
    }

    @Override
    protected Values values(BudgetFields f) {
        if (f.allocated() != null && f.allocated().signum() < 0) {
            throw new InvalidInputException("allocated", f.allocated(), "must not be negative");
        }
        if (f.maxTokens() != null && f.maxTokens() < 0) {
            throw new InvalidInputException("maxTokens", f.maxTokens(), "must not be negative");
        }
        String currency = f.currency() == null ? null : f.currency().toUpperCase(Locale.ROOT);
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            throw new InvalidInputException("currency", f.currency(), "must be a three-letter ISO 4217 code");
        }
        return new Values().put(BUDGETS.SWARM_ID, f.swarmId()).put(BUDGETS.SCOPE_TYPE, f.scopeType())
                .put(BUDGETS.SCOPE_ID, f.scopeId()).put(BUDGETS.ALLOCATED, f.allocated())
                .put(BUDGETS.MAX_TOKENS, f.maxTokens()).put(BUDGETS.CURRENCY, currency);
    }

    @Override
    public boolean consumeBudget(UUID id, long tokens, BigDecimal cost) {
        Values.require("id", id);
        if (tokens < 0) {
            throw new InvalidInputException("tokens", tokens, "must not be negative");
        }
        if (cost == null || cost.signum() < 0) {
            throw new InvalidInputException("cost", cost, "must be zero or positive");
        }
        if (cost.stripTrailingZeros().scale() > 4) {
            throw new InvalidInputException("cost", cost, "must have at most 4 decimal places");
        }
        Bounds.decimal("cost", cost, BUDGETS.CONSUMED.getDataType().precision(), BUDGETS.CONSUMED.getDataType().scale());
        int updated = dsl.update(BUDGETS)
                .set(BUDGETS.CONSUMED, BUDGETS.CONSUMED.plus(cost))
                .set(BUDGETS.CONSUMED_TOKENS, BUDGETS.CONSUMED_TOKENS.plus(tokens))
                .where(mine(BUDGETS.ID.eq(id)
                        .and(BUDGETS.CONSUMED.plus(cost).le(BUDGETS.ALLOCATED))
                        .and(BUDGETS.MAX_TOKENS.isNull().or(BUDGETS.CONSUMED_TOKENS.plus(tokens).le(BUDGETS.MAX_TOKENS)))))
                .execute();
        if (updated == 0) {
            get(id);
        }
        return updated == 1;
    }

    @Override
    public BudgetUsage getUsage(UUID id) {
        Budget b = get(id);
        BigDecimal remaining = b.allocated().subtract(b.consumed());
        Long remainingTokens = b.maxTokens() == null ? null : b.maxTokens() - b.consumedTokens();
        BigDecimal pctCost = percent(b.consumed(), b.allocated());
        BigDecimal pctTokens = b.maxTokens() == null ? null
                : percent(BigDecimal.valueOf(b.consumedTokens()), BigDecimal.valueOf(b.maxTokens()));
        return new BudgetUsage(b.id(), b.allocated(), b.consumed(), remaining, b.maxTokens(), b.consumedTokens(),
                remainingTokens, pctCost, pctTokens, b.currency());
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return part.signum() == 0 ? BigDecimal.ZERO.setScale(2) : HUNDRED.setScale(2);
        }
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
