package dev.hybriddb.repository;

import dev.hybriddb.model.Contribution;
import dev.hybriddb.model.ContributionFields;
import dev.hybriddb.model.Page;
import java.util.List;
import java.util.UUID;

/**
 * Contributions of the scope's tenant. Creating, re-pricing, moving or deleting one updates the
 * asset's total cost in the same transaction (a database trigger).
 */
public interface ContributionRepository extends CrudRepository<Contribution, ContributionFields> {
    /** The asset's contributions, newest first. */
    List<Contribution> findByAsset(UUID assetId, Page page);

    /** The contributor's contributions, newest first. */
    List<Contribution> findByContributor(UUID contributorId, Page page);
}
