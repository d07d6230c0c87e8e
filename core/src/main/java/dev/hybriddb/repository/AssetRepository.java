package dev.hybriddb.repository;

import dev.hybriddb.model.Asset;
import dev.hybriddb.model.AssetFields;

/** Assets of the scope's tenant; their total cost follows their contributions. */
public interface AssetRepository extends CrudRepository<Asset, AssetFields> {}
