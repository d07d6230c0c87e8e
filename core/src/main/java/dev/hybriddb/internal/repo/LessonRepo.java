package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.LESSONS;

import dev.hybriddb.jooq.tables.records.LessonsRecord;
import dev.hybriddb.model.Lesson;
import dev.hybriddb.model.LessonFields;
import dev.hybriddb.model.Page;
import dev.hybriddb.model.SearchPage;
import dev.hybriddb.model.TextSearchRequest;
import dev.hybriddb.repository.LessonRepository;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** {@link LessonRepository} on {@code lessons}. */
public final class LessonRepo extends TenantTable<LessonsRecord, Lesson, LessonFields> implements LessonRepository {
    public LessonRepo(Scope scope) {
        super(scope, LESSONS, LESSONS.ID, LESSONS.TENANT_ID, LESSONS.CREATED_AT, "lesson");
    }

    @Override
    protected Lesson map(LessonsRecord r) {
        return new Lesson(r.getId(), r.getTenantId(), r.getProjectId(), r.getTaskId(), r.getAgentId(), r.getTitle(),
                r.getContent(), r.getCategory(), Values.list(r.getTags()), r.getConfidence(), r.getAppliedCount(),
                Json.map(r.getMetadata()), r.getCreatedAt(), r.getUpdatedAt());
    }

    @Override
    protected void validateNew(LessonFields f) {
        Values.requireText("title", f.title());
        Values.requireText("content", f.content());
    }

    @Override
    protected Values values(LessonFields f) {
        return new Values().put(LESSONS.PROJECT_ID, f.projectId()).put(LESSONS.TASK_ID, f.taskId())
                .put(LESSONS.AGENT_ID, f.agentId()).put(LESSONS.TITLE, Values.optionalText("title", f.title()))
                .put(LESSONS.CONTENT, Values.optionalText("content", f.content())).put(LESSONS.CATEGORY, f.category())
                .array(LESSONS.TAGS, f.tags()).put(LESSONS.CONFIDENCE, f.confidence())
                .json(LESSONS.METADATA, f.metadata());
    }

    @Override
    public Lesson markApplied(UUID id) {
        return patch(id, new Values().expr(LESSONS.APPLIED_COUNT, LESSONS.APPLIED_COUNT.plus(1)));
    }

    @Override
    public List<Lesson> findByProject(UUID projectId, Page page) {
        return where(LESSONS.PROJECT_ID.eq(Values.require("projectId", projectId)), page);
    }

    @Override
    public List<Lesson> findByTag(String tag, Page page) {
        return where(DSL.val(Values.requireText("tag", tag)).eq(DSL.any(LESSONS.TAGS)), page);
    }

    @Override
    protected List<Field<String>> searchColumns() {
        return List.of(LESSONS.TITLE, LESSONS.CONTENT);
    }

    @Override
    public SearchPage<Lesson> search(TextSearchRequest request) {
        return textSearch(request);
    }
}
