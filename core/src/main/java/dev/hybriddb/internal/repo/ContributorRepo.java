package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.CONTRIBUTORS;

import dev.hybriddb.jooq.tables.records.ContributorsRecord;
import dev.hybriddb.model.Contributor;
import dev.hybriddb.model.ContributorFields;
import dev.hybriddb.repository.ContributorRepository;

/** {@link ContributorRepository} on {@code contributors}. */
public final class ContributorRepo extends TenantTable<ContributorsRecord, Contributor, ContributorFields>
        implements ContributorRepository {
    public ContributorRepo(Scope scope) {
        super(scope, CONTRIBUTORS, CONTRIBUTORS.ID, CONTRIBUTORS.TENANT_ID, CONTRIBUTORS.CREATED_AT, "contributor");
    }

    @Override
    protected Contributor map(ContributorsRecord r) {
        return new Contributor(r.getId(), r.getTenantId(), r.getName(), r.getEmail(), r.getGithubUsername(),
                r.getWalletAddress(), Json.map(r.getMetadata()), r.getCreatedAt(), r.getUpdatedAt());
    }

    @Override
    protected void validateNew(ContributorFields f) {
        Values.requireText("name", f.name());
    }

    @Override
    protected Values values(ContributorFields f) {
        return new Values().put(CONTRIBUTORS.NAME, Values.optionalText("name", f.name()))
                .put(CONTRIBUTORS.EMAIL, f.email()).put(CONTRIBUTORS.GITHUB_USERNAME, f.githubUsername())
                .put(CONTRIBUTORS.WALLET_ADDRESS, f.walletAddress()).json(CONTRIBUTORS.METADATA, f.metadata());
    }
}
