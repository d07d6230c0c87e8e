package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.CONTRIBUTIONS;

import dev.hybriddb.jooq.tables.records.ContributionsRecord;
import dev.hybriddb.model.Contribution;
import dev.hybriddb.model.ContributionFields;
import dev.hybriddb.model.Page;
import dev.hybriddb.repository.ContributionRepository;
import java.util.List;
import java.util.UUID;

/** {@link ContributionRepository} on {@code contributions}; the schema's trigger keeps asset totals. */
public final class ContributionRepo extends TenantTable<ContributionsRecord, Contribution, ContributionFields>
        implements ContributionRepository {
    public ContributionRepo(Scope scope) {
        super(scope, CONTRIBUTIONS, CONTRIBUTIONS.ID, CONTRIBUTIONS.TENANT_ID, CONTRIBUTIONS.CREATED_AT, "contribution");
    }

    @Override
    protected Contribution map(ContributionsRecord r) {
        return new Contribution(r.getId(), r.getTenantId(), r.getContributorId(), r.getAssetId(), r.getCostAmount(),
                r.getCoherenceScore(), Json.map(r.getMetadata()), r.getCreatedAt());
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
    public List<Contribution> findByAsset(UUID assetId, Page page) {
        return where(CONTRIBUTIONS.ASSET_ID.eq(Values.require("assetId", assetId)), page);
    }

    @Override
    public List<Contribution> findByContributor(UUID contributorId, Page page) {
        return where(CONTRIBUTIONS.CONTRIBUTOR_ID.eq(Values.require("contributorId", contributorId)), page);
    }
}
