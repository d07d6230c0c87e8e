package dev.hybriddb.bench;

import java.util.List;

/**
 * Sizes for a run. {@code smoke} keeps every scenario working in CI in seconds; {@code full} is
 * the sizes of the published numbers; {@code medium} stops short of the 1M runs.
 */
public record Profile(String name, List<Integer> falkorRows, List<Integer> ageEdges, List<Integer> realtimeRates,
                      int realtimeSeconds, int writerOps, List<Integer> coordinationTasks, int coordinationQueries,
                      int vectorRows, int vectorQueries, int crudOps, int perEntitySample) {

    /** This profile with other coordination sizes (tasks per tenant). */
    public Profile withCoordinationTasks(List<Integer> sizes) {
        return new Profile(name, falkorRows, ageEdges, realtimeRates, realtimeSeconds, writerOps, List.copyOf(sizes),
                coordinationQueries, vectorRows, vectorQueries, crudOps, perEntitySample);
    }

    public static Profile named(String name) {
        return switch (name) {
            case "smoke" -> new Profile("smoke", List.of(500), List.of(300, 600), List.of(20, 50), 1, 300,
                    List.of(5_000), 40, 500, 20, 100, 100);
            case "medium" -> new Profile("medium", List.of(10_000, 100_000), List.of(10_000, 100_000), List.of(100, 1_000),
                    10, 5_000, List.of(5_000, 50_000), 300, 20_000, 300, 2_000, 2_000);
            case "full" -> new Profile("full", List.of(10_000, 100_000, 1_000_000), List.of(100_000, 1_000_000),
                    List.of(100, 1_000), 20, 20_000, List.of(5_000, 50_000, 500_000), 500, 100_000, 1_000, 5_000, 2_000);
            default -> throw new IllegalArgumentException("unknown profile '" + name + "': use smoke, medium or full");
        };
    }
}
