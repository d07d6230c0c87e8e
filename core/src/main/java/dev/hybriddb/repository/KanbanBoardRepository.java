package dev.hybriddb.repository;

import dev.hybriddb.model.KanbanBoard;
import dev.hybriddb.model.KanbanBoardFields;

/** Kanban boards of the scope's tenant. */
public interface KanbanBoardRepository extends CrudRepository<KanbanBoard, KanbanBoardFields> {}
