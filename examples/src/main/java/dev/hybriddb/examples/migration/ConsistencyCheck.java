package dev.hybriddb.examples.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Compares the two stores task by task; {@link #repair} copies the legacy version over. */
public final class ConsistencyCheck {
    private ConsistencyCheck() {}

    /** What differs: ids missing from PostgreSQL, ids whose content differs, ids only in PostgreSQL. */
    public record Report(int checked, List<String> missing, List<String> different, List<String> extra) {
        public boolean consistent() {
            return missing.isEmpty() && different.isEmpty() && extra.isEmpty();
        }
    }

    // tag::check[]
    public static Report compare(AgentTaskStore legacy, AgentTaskStore postgres) {
        Map<String, AgentTask> pg = postgres.all().stream().collect(Collectors.toMap(AgentTask::id, Function.identity()));
        List<String> missing = new ArrayList<>();
        List<String> different = new ArrayList<>();
        List<AgentTask> all = legacy.all();
        for (AgentTask t : all) {
            AgentTask other = pg.remove(t.id());
            if (other == null) {
                missing.add(t.id());
            } else if (!Objects.equals(t, other)) {
                different.add(t.id());
            }
        }
        return new Report(all.size(), missing, different, List.copyOf(pg.keySet()));
    }
    // end::check[]

    /** Copies the legacy version of every missing or different task into PostgreSQL. */
    public static int repair(Report report, AgentTaskStore legacy, AgentTaskStore postgres) {
        int n = 0;
        for (String id : concat(report.missing(), report.different())) {
            legacy.get(id).ifPresent(postgres::put);
            n++;
        }
        return n;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
