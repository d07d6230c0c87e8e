package dev.hybriddb.repository;

import dev.hybriddb.model.Page;
import dev.hybriddb.model.Swarm;
import dev.hybriddb.model.SwarmFields;
import dev.hybriddb.model.SwarmSummary;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Swarms of the scope's tenant. */
public interface SwarmRepository extends CrudRepository<Swarm, SwarmFields> {
    /** The swarms with their agent counts and budget totals, newest first. */
    List<SwarmSummary> summaries(Page page);

    /** One swarm with its agent counts and budget totals, if this tenant has it. */
    Optional<SwarmSummary> summary(UUID swarmId);
}
