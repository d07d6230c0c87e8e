package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.ASSETS;

import dev.hybriddb.jooq.tables.records.AssetsRecord;
import dev.hybriddb.model.Asset;
import dev.hybriddb.model.AssetFields;
import dev.hybriddb.repository.AssetRepository;

/** {@link AssetRepository} on {@code assets} (never writes {@code total_cost}). */
public final class AssetRepo extends TenantTable<AssetsRecord, Asset, AssetFields> implements AssetRepository {
    public AssetRepo(Scope scope) {
        super(scope, ASSETS, ASSETS.ID, ASSETS.TENANT_ID, ASSETS.CREATED_AT, "asset");
    }

    @Override
    protected Asset map(AssetsRecord r) {
        return new Asset(r.getId(), r.getTenantId(), r.getName(), r.getDescription(), r.getAssetType(),
                r.getTotalCost(), Json.map(r.getMetadata()), r.getCreatedAt(), r.getUpdatedAt());
    }

    @Override
    protected void validateNew(AssetFields f) {
        Values.requireText("name", f.name());
        Values.requireText("assetType", f.assetType());
    }

    @Override
    protected Values values(AssetFields f) {
        return new Values().put(ASSETS.NAME, Values.optionalText("name", f.name()))
                .put(ASSETS.DESCRIPTION, f.description())
                .put(ASSETS.ASSET_TYPE, Values.optionalText("assetType", f.assetType()))
                .json(ASSETS.METADATA, f.metadata());
    }
}
