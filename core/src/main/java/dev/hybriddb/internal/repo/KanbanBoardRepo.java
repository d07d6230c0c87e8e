package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.KANBAN_BOARDS;

import dev.hybriddb.jooq.tables.records.KanbanBoardsRecord;
import dev.hybriddb.model.KanbanBoard;
import dev.hybriddb.model.KanbanBoardFields;
import dev.hybriddb.repository.KanbanBoardRepository;

/** {@link KanbanBoardRepository} on {@code kanban_boards}. */
public final class KanbanBoardRepo extends TenantTable<KanbanBoardsRecord, KanbanBoard, KanbanBoardFields>
        implements KanbanBoardRepository {
    public KanbanBoardRepo(Scope scope) {
        super(scope, KANBAN_BOARDS, KANBAN_BOARDS.ID, KANBAN_BOARDS.TENANT_ID, KANBAN_BOARDS.CREATED_AT, "kanban board");
    }

    @Override
    protected KanbanBoard map(KanbanBoardsRecord r) {
        return new KanbanBoard(r.getId(), r.getTenantId(), r.getName(), r.getDescription(), r.getUserId(), r.getTeamId(),
                r.getAppId(), r.getCreatedAt(), r.getUpdatedAt());
    }

    @Override
    protected void validateNew(KanbanBoardFields f) {
        Values.requireText("name", f.name());
    }

    @Override
    protected Values values(KanbanBoardFields f) {
        return new Values().put(KANBAN_BOARDS.NAME, Values.optionalText("name", f.name()))
                .put(KANBAN_BOARDS.DESCRIPTION, f.description()).put(KANBAN_BOARDS.USER_ID, f.userId())
                .put(KANBAN_BOARDS.TEAM_ID, f.teamId()).put(KANBAN_BOARDS.APP_ID, f.appId());
    }
}
