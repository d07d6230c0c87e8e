package dev.hybriddb.coordination;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.internal.Bounds;
import dev.hybriddb.internal.Text;
import dev.hybriddb.model.ExecutionResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An execution to record (see {@link Coordinator#createExecutionEdge}).
 *
 * @param result     how it ended
 * @param startedAt  when it started (truncated to microseconds)
 * @param finishedAt when it finished, or null while running
 * @param tokens     tokens used, at least 0
 * @param cost       cost, at least 0 (6 decimals are kept)
 * @param model      the model used, or null
 */
public record NewExecution(ExecutionResult result, Instant startedAt, Instant finishedAt, long tokens, BigDecimal cost,
                           String model) {

    public NewExecution {
        if (result == null) {
            throw new InvalidInputException("result", null, "is required");
        }
        if (startedAt == null) {
            throw new InvalidInputException("startedAt", null, "is required");
        }
        startedAt = Bounds.instant("startedAt", startedAt).truncatedTo(ChronoUnit.MICROS);
        finishedAt = finishedAt == null ? null : Bounds.instant("finishedAt", finishedAt).truncatedTo(ChronoUnit.MICROS);
        if (finishedAt != null && finishedAt.isBefore(startedAt)) {
            throw new InvalidInputException("finishedAt", finishedAt, "must not be before startedAt " + startedAt);
        }
        if (tokens < 0) {
            throw new InvalidInputException("tokens", tokens, "must be at least 0");
        }
        cost = cost == null ? BigDecimal.ZERO : Bounds.decimal("cost", cost, 14, 6).setScale(6, java.math.RoundingMode.HALF_UP);
        if (cost.signum() < 0) {
            throw new InvalidInputException("cost", cost, "must be at least 0");
        }
        Text.check("model", model, Text.NAME);
    }

    /** A finished execution with no token or cost figures. */
    public static NewExecution of(ExecutionResult result, Instant startedAt, Instant finishedAt) {
        return new NewExecution(result, startedAt, finishedAt, 0, BigDecimal.ZERO, null);
    }

    /** The duration in milliseconds, or null while running. */
    public Long durationMs() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt).toMillis();
    }
}
