package dev.hybriddb.testing;

import java.util.Objects;
import java.util.Optional;

/**
 * A PostgreSQL server with durable commits ({@link TestServices#durablePostgres()}), or why there is none.
 * {@code service} is the server's {@code hybriddb} database; make databases on it with
 * {@link TestServices#freshDatabase(PostgresService, String)}.
 */
public record DurablePostgres(Optional<PostgresService> service, String unavailableReason) {

    public DurablePostgres {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(unavailableReason, "unavailableReason");
    }

    static DurablePostgres of(PostgresService server) {
        return new DurablePostgres(Optional.of(server), "");
    }

    static DurablePostgres unavailable(String why) {
        return new DurablePostgres(Optional.empty(), why);
    }
}
