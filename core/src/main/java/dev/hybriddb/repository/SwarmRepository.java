package dev.hybriddb.repository;

import dev.hybriddb.model.Swarm;
import dev.hybriddb.model.SwarmFields;

/** Swarms of the scope's tenant. */
public interface SwarmRepository extends CrudRepository<Swarm, SwarmFields> {}
