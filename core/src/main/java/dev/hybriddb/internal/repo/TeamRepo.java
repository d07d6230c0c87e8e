package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.TEAMS;
import static dev.hybriddb.jooq.Tables.TEAM_MEMBERS;

import dev.hybriddb.jooq.tables.records.TeamMembersRecord;
import dev.hybriddb.jooq.tables.records.TeamsRecord;
import dev.hybriddb.model.Team;
import dev.hybriddb.model.TeamFields;
import dev.hybriddb.model.TeamMember;
import dev.hybriddb.repository.TeamRepository;
import java.util.List;
import java.util.UUID;

/** {@link TeamRepository} on {@code teams} and {@code team_members}. */
public final class TeamRepo extends TenantTable<TeamsRecord, Team, TeamFields> implements TeamRepository {
    public TeamRepo(Scope scope) {
        super(scope, TEAMS, TEAMS.ID, TEAMS.TENANT_ID, TEAMS.CREATED_AT, "team");
    }

    @Override
    protected Team map(TeamsRecord r) {
        return new Team(r.getId(), r.getTenantId(), r.getName(), r.getDescription(), r.getOwnerId(), r.getCreatedAt(),
                r.getUpdatedAt());
    }

    @Override
    protected void validateNew(TeamFields f) {
        Values.requireText("name", f.name());
    }

    @Override
    protected Values values(TeamFields f) {
        return new Values().put(TEAMS.NAME, Values.optionalText("name", f.name())).put(TEAMS.DESCRIPTION, f.description())
                .put(TEAMS.OWNER_ID, f.ownerId());
    }

    @Override
    public TeamMember addMember(UUID teamId, UUID userId, String role) {
        TeamMembersRecord r = dsl.insertInto(TEAM_MEMBERS).set(new Values().put(TEAM_MEMBERS.TENANT_ID, tenantId)
                .put(TEAM_MEMBERS.TEAM_ID, Values.require("teamId", teamId)).put(TEAM_MEMBERS.USER_ID, Values.require("userId", userId))
                .put(TEAM_MEMBERS.ROLE, Values.optionalText("role", role)).map()).returning().fetchSingle();
        return member(r);
    }

    @Override
    public boolean removeMember(UUID teamId, UUID userId) {
        return dsl.deleteFrom(TEAM_MEMBERS).where(TEAM_MEMBERS.TENANT_ID.eq(tenantId),
                TEAM_MEMBERS.TEAM_ID.eq(Values.require("teamId", teamId)), TEAM_MEMBERS.USER_ID.eq(Values.require("userId", userId)))
                .execute() == 1;
    }

    @Override
    public List<TeamMember> members(UUID teamId) {
        return dsl.selectFrom(TEAM_MEMBERS).where(TEAM_MEMBERS.TENANT_ID.eq(tenantId), TEAM_MEMBERS.TEAM_ID.eq(Values.require("teamId", teamId)))
                .orderBy(TEAM_MEMBERS.JOINED_AT, TEAM_MEMBERS.ID).fetch(TeamRepo::member);
    }

    private static TeamMember member(TeamMembersRecord r) {
        return new TeamMember(r.getTeamId(), r.getUserId(), r.getRole(), r.getJoinedAt());
    }
}
