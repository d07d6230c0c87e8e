package dev.hybriddb.internal;

import dev.hybriddb.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Ranges of the PostgreSQL types the SDK writes, checked before a statement is sent so that the
 * refusal names the field: timestamps from 4713 BC to 294276 AD (kept to years -4712 to 294275
 * here, clear of the edges), {@code numeric(p, s)} with at most {@code p - s} integer digits once
 * rounded to {@code s} decimals. Doubles and floats must be finite where the column is JSON.
 */
public final class Bounds {
    /** The earliest year accepted (4713 BC, proleptic ISO year -4712). */
    public static final int MIN_YEAR = -4712;
    /** The latest year accepted. */
    public static final int MAX_YEAR = 294_275;
    private static final Instant MIN_INSTANT = LocalDate.of(MIN_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant MAX_INSTANT =
            LocalDate.of(MAX_YEAR, 12, 31).atStartOfDay().plusDays(1).minusNanos(1000).toInstant(ZoneOffset.UTC);

    private Bounds() {}

    /** {@code value} (null allowed) when PostgreSQL's timestamptz can hold it. */
    public static Instant instant(String field, Instant value) {
        if (value != null && (value.isBefore(MIN_INSTANT) || value.isAfter(MAX_INSTANT))) {
            throw new InvalidInputException(field, value, "is outside the range PostgreSQL timestamps hold (years "
                    + MIN_YEAR + " to " + MAX_YEAR + ")");
        }
        return value;
    }

    /** {@link #instant} for an offset date-time. */
    public static OffsetDateTime timestamp(String field, OffsetDateTime value) {
        if (value != null) {
            instant(field, value.toInstant());
        }
        return value;
    }

    /** {@link #instant} for a local date-time (as if in UTC). */
    public static LocalDateTime timestamp(String field, LocalDateTime value) {
        if (value != null) {
            instant(field, value.toInstant(ZoneOffset.UTC));
        }
        return value;
    }

    /** {@link #instant} for a date. */
    public static LocalDate date(String field, LocalDate value) {
        if (value != null) {
            instant(field, value.atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        return value;
    }

    /**
     * {@code value} (null allowed) when {@code numeric(precision, scale)} can hold it; a precision of
     * 0 means unconstrained.
     */
    public static BigDecimal decimal(String field, BigDecimal value, int precision, int scale) {
        if (value == null || precision <= 0) {
            return value;
        }
        long digits = (long) value.precision() - value.scale();
        if (digits > precision - scale || digits == precision - scale
                && value.setScale(scale, RoundingMode.HALF_UP).precision() - scale > precision - scale) {
            throw new InvalidInputException(field, digits > 60 || value.scale() > 60 ? value.toString() : value.toPlainString(),
                    "does not fit numeric(" + precision + ", " + scale + "): at most " + (precision - scale)
                            + " digits before the decimal point");
        }
        return value;
    }

    /** {@code value} when it is finite (JSON has no NaN or infinity). */
    public static double finite(String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new InvalidInputException(field, value, "is not a finite number (JSON has no NaN or Infinity)");
        }
        return value;
    }
}
