package dev.hybriddb.repository;

import dev.hybriddb.model.App;
import dev.hybriddb.model.AppFields;

/** Apps of the scope's tenant. */
public interface AppRepository extends CrudRepository<App, AppFields> {}
