package dev.hybriddb.repository;

import dev.hybriddb.model.Contributor;
import dev.hybriddb.model.ContributorFields;

/** Contributors of the scope's tenant. */
public interface ContributorRepository extends CrudRepository<Contributor, ContributorFields> {}
