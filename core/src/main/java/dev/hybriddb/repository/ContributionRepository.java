package dev.hybriddb.repository;

import dev.hybriddb.model.Contribution;
import dev.hybriddb.model.ContributionFields;
import dev.hybriddb.model.Page;
import java.util.List;
import java.util.UUID;

/**
 * Contributions of the scope's tenant, append-only: a contribution is never updated or deleted
 * (the database refuses both), a correction is a new row made by {@link #correct}. The asset's
 * total cost is the sum of the contributions in force (those not corrected), kept by the database
 * in the same transaction. {@link #update} and {@link #delete} throw
 * {@link dev.hybriddb.ConstraintViolationException} (constraint {@code contributions_append_only}).
 * Contributions disappear only with their tenant, contributor or asset.
 */
public interface ContributionRepository extends CrudRepository<Contribution, ContributionFields> {
    /**
     * Records a correction of contribution {@code id}: a new contribution with the fields of
     * {@code id}, overridden by the non-null {@code changes}, that replaces it in the asset totals.
     * A contribution is corrected at most once; correct the correction to change it again.
     *
     * @throws dev.hybriddb.NotFoundException when the tenant has no contribution {@code id}
     * @throws dev.hybriddb.ConstraintViolationException ({@code contributions_corrects_once}) when
     *         {@code id} was already corrected
     */
    Contribution correct(UUID id, ContributionFields changes);

    /** The asset's contributions, newest first. */
    List<Contribution> findByAsset(UUID assetId, Page page);

    /** The contributor's contributions, newest first. */
    List<Contribution> findByContributor(UUID contributorId, Page page);
}
