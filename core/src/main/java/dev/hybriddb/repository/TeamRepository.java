package dev.hybriddb.repository;

import dev.hybriddb.model.Team;
import dev.hybriddb.model.TeamFields;
import dev.hybriddb.model.TeamMember;
import java.util.List;
import java.util.UUID;

/** Teams of the scope's tenant and their members. */
public interface TeamRepository extends CrudRepository<Team, TeamFields> {
    /** Adds a user to a team with a role ({@code member} when null). */
    TeamMember addMember(UUID teamId, UUID userId, String role);

    /** Removes a user from a team; false when not a member. */
    boolean removeMember(UUID teamId, UUID userId);

    /** The members of a team, earliest first. */
    List<TeamMember> members(UUID teamId);
}
