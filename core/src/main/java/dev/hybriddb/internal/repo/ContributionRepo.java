package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.CONTRIBUTIONS;

import dev.hybriddb.ConstraintViolationException;
import dev.hybriddb.jooq.tables.records.ContributionsRecord;
import dev.hybriddb.model.Contribution;
import dev.hybriddb.model.ContributionFields;
import dev.hybriddb.model.Page;
import dev.hybriddb.repository.ContributionRepository;
import java.util.List;
import java.util.UUID;

/** {@link ContributionRepository} on {@code contributions} (append-only); the schema's triggers keep asset totals. */
public final class ContributionRepo extends TenantTable<ContributionsRecord, Contribution, ContributionFields>
        implements ContributionRepository {
    private static final String APPEND_ONLY = "contributions_append_only";

    public ContributionRepo(Scope scope) {
        super(scope, CONTRIBUTIONS, CONTRIBUTIONS.ID, CONTRIBUTIONS.TENANT_ID, CONTRIBUTIONS.CREATED_AT, "contribution");
    }

    @Override
    protected Contribution map(ContributionsRecord r) {
        return new Contribution(r.getId(), r.getTenantId(), r.getContributorId(), r.getAssetId(), r.getCostAmount(),
                r.getCoherenceScore(), Json.map(r.getMetadata()), r.getCorrectsId(), r.getCreatedAt());
    }

    @Override
    protected void validateNew(ContributionFields f) {
        Values.require("contributorId", f.contributorId());
        Values.require("assetId", f.assetId());
        Values.require("costAmount", f.costAmount());
        Values.require("coherenceScore", f.coherenceScore());
    }

    @Override
    protected Values values(ContributionFields f) {
        return new Values().put(CONTRIBUTIONS.CONTRIBUTOR_ID, f.contributorId()).put(CONTRIBUTIONS.ASSET_ID, f.assetId())
                .put(CONTRIBUTIONS.COST_AMOUNT, f.costAmount()).put(CONTRIBUTIONS.COHERENCE_SCORE, f.coherenceScore())
                .json(CONTRIBUTIONS.METADATA, f.metadata());
    }

    @Override
    public Contribution correct(UUID id, ContributionFields changes) {
        Values.require("changes", changes);
        Contribution old = get(Values.require("id", id));
        ContributionFields merged = new ContributionFields(
                changes.contributorId() != null ? changes.contributorId() : old.contributorId(),
                changes.assetId() != null ? changes.assetId() : old.assetId(),
                changes.costAmount() != null ? changes.costAmount() : old.costAmount(),
                changes.coherenceScore() != null ? changes.coherenceScore() : old.coherenceScore(),
                changes.metadata() != null ? changes.metadata() : old.metadata());
        return insert(values(merged).put(CONTRIBUTIONS.CORRECTS_ID, id));
    }

    /** Always refused: contributions are append-only, see {@link #correct}. */
    @Override
    public Contribution update(UUID key, ContributionFields changes) {
        throw appendOnly("update", key);
    }

    /** Always refused: contributions are append-only; they go with their tenant, contributor or asset. */
    @Override
    public boolean delete(UUID key) {
        throw appendOnly("delete", key);
    }

    private static ConstraintViolationException appendOnly(String operation, UUID key) {
        return new ConstraintViolationException(APPEND_ONLY, "contributions are append-only: cannot " + operation
                + " contribution " + key + "; record a correction with correct(id, changes)", null);
    }

    @Override
    public List<Contribution> findByAsset(UUID assetId, Page page) {
        return where(CONTRIBUTIONS.ASSET_ID.eq(Values.require("assetId", assetId)), page);
    }

    @Override
    public List<Contribution> findByContributor(UUID contributorId, Page page) {
        return where(CONTRIBUTIONS.CONTRIBUTOR_ID.eq(Values.require("contributorId", contributorId)), page);
    }
}
