package dev.hybriddb.repository;

import dev.hybriddb.model.Lesson;
import dev.hybriddb.model.LessonFields;
import dev.hybriddb.model.Page;
import java.util.List;
import java.util.UUID;

/** Lessons learned of the scope's tenant; {@link #search} looks in title and content. */
public interface LessonRepository extends CrudRepository<Lesson, LessonFields>, TextSearchable<Lesson> {
    /** Counts one more application of the lesson and returns it. */
    Lesson markApplied(UUID id);

    /** The project's lessons, newest first. */
    List<Lesson> findByProject(UUID projectId, Page page);

    /** Lessons carrying the tag, newest first. */
    List<Lesson> findByTag(String tag, Page page);
}
