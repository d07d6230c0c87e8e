package dev.hybriddb.bench.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Deterministic task rows and DEPENDS_ON edges for the sync scenarios: task {@code i > 0} depends
 * on task {@code (i - 1) / 2}, so {@code n} tasks carry {@code n - 1} edges.
 */
public final class TaskData {
    private static final String[] STATUS = {"todo", "in_progress", "review", "done"};

    private TaskData() {}

    public static String id(long i) {
        return new UUID(0x5EED_0000_0000_0000L, i).toString();
    }

    public static Map<String, Object> task(int i) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id(i));
        row.put("title", "Task " + i);
        row.put("status", STATUS[i % STATUS.length]);
        row.put("priority", i % 5);
        return row;
    }

    /** Tasks {@code [from, to)}. */
    public static List<Map<String, Object>> tasks(int from, int to) {
        List<Map<String, Object>> rows = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            rows.add(task(i));
        }
        return rows;
    }

    /** Edges of tasks {@code [from, to)} as {@code {f, t}} maps; task 0 has none. */
    public static List<Map<String, Object>> edges(int from, int to) {
        List<Map<String, Object>> rows = new ArrayList<>(to - from);
        for (int i = Math.max(1, from); i < to; i++) {
            rows.add(Map.of("f", id(i), "t", id((i - 1) / 2)));
        }
        return rows;
    }
}
