package dev.hybriddb.internal;

import dev.hybriddb.ConstraintViolationException;
import dev.hybriddb.HybridDBException;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.QuotaExceededException;
import dev.hybriddb.TenantSuspendedException;
import dev.hybriddb.UnavailableException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Classifies {@link SQLException}s as transient or not and translates them to HybridDB exceptions. */
public final class SqlErrors {
    private static final Set<String> TRANSIENT = Set.of(
            "57P01", // admin_shutdown: terminated by pg_terminate_backend or a fast shutdown
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "53300"); // too_many_connections

    /** Raised by {@code hybriddb_current_user()} when {@code hybriddb.user_id} is not a UUID. */
    public static final String BAD_USER_SETTING = "HD001";
    /** Raised by the quota triggers: the write would exceed a tenant quota. */
    public static final String QUOTA_EXCEEDED = "HD100";
    /** Raised when a suspended or deleted tenant writes. */
    public static final String TENANT_SUSPENDED = "HD200";

    /** {@link ConstraintViolationException#constraint()} of a row-level security violation. */
    public static final String ROW_SECURITY = "row-level security policy";

    private SqlErrors() {}

    /** The first {@link SQLException} in {@code t}'s cause chain (jOOQ wraps them), or null. */
    public static SQLException sqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException e) {
                return e;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    /**
     * True for failures worth retrying: class 08 connection errors, 57P01, 40001, 40P01, 53300, and
     * a pool that could not hand out a connection in time ({@link java.sql.SQLTransientConnectionException},
     * which HikariCP throws without an SQLState while no server accepts connections, e.g. during a failover).
     */
    public static boolean isTransient(SQLException e) {
        if (e instanceof java.sql.SQLTransientConnectionException) {
            return true;
        }
        for (SQLException c = e; c != null; c = c.getNextException()) {
            String state = c.getSQLState();
            if (state != null && (state.startsWith("08") || TRANSIENT.contains(state))) {
                return true;
            }
            if (c.getNextException() == c) {
                break;
            }
        }
        return false;
    }

    /** True for integrity constraint violations (SQLState class 23). */
    public static boolean isConstraintViolation(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("23");
    }

    /**
     * True when a row-level security policy refused a written row (SQLState 42501 "new row violates
     * row-level security policy"): the row's tenant is not the transaction's tenant.
     */
    public static boolean isRowSecurityViolation(SQLException e) {
        return "42501".equals(e.getSQLState()) && describe(e).contains("violates row-level security policy");
    }

    /** Translates {@code e}; {@code attempts} is how often the work ran. */
    public static HybridDBException translate(SQLException e, int attempts) {
        HybridDBException own = fromTrigger(e);
        if (own != null) {
            return own;
        }
        if (isConstraintViolation(e)) {
            return constraintViolation(e);
        }
        if (isRowSecurityViolation(e)) {
            return new ConstraintViolationException(ROW_SECURITY, "row-level security violated: the row's tenant_id is not"
                    + " the transaction's tenant (" + describe(e) + ")", e);
        }
        if (isTransient(e)) {
            return new UnavailableException("PostgreSQL failed transiently " + attempts + " time(s), giving up ("
                    + describe(e) + ")", e);
        }
        return new HybridDBException("database error (" + describe(e) + ")", e);
    }

    /** The SDK exception for the SQLSTATEs HybridDB's own functions and triggers raise, or null. */
    private static HybridDBException fromTrigger(SQLException e) {
        String state = e.getSQLState();
        if (state == null || !state.startsWith("HD")) {
            return null;
        }
        ServerErrorMessage m = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String detail = m == null ? null : m.getDetail();
        Map<String, String> d = keyValues(detail);
        return switch (state) {
            case QUOTA_EXCEEDED -> new QuotaExceededException(d.getOrDefault("quota", "unknown"), number(d.get("limit")),
                    number(d.get("usage")), describe(e), e);
            case TENANT_SUSPENDED -> new TenantSuspendedException(uuid(d.get("tenant")), d.get("status"), describe(e), e);
            case BAD_USER_SETTING -> new InvalidInputException("hybriddb.user_id", detail, "is not a UUID");
            default -> null;
        };
    }

    /** {@code key=value} pairs separated by spaces (the DETAIL of HybridDB's own errors). */
    private static Map<String, String> keyValues(String detail) {
        Map<String, String> out = new HashMap<>();
        if (detail != null) {
            for (String part : detail.split(" ")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    out.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
        }
        return out;
    }

    private static long number(String s) {
        try {
            return s == null ? -1 : new java.math.BigDecimal(s).longValue();
        } catch (NumberFormatException ex) {
            return -1;
        }
    }

    private static UUID uuid(String s) {
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static ConstraintViolationException constraintViolation(SQLException e) {
        ServerErrorMessage m = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String constraint = m == null ? null : m.getConstraint();
        String table = m == null ? null : m.getTable();
        if (constraint == null && m != null && m.getColumn() != null) {
            constraint = table + "." + m.getColumn() + " not null";
        }
        String message = kind(e.getSQLState()) + " violated: constraint " + constraint
                + (table == null ? "" : " on table " + table) + " (" + describe(e) + ")";
        return new ConstraintViolationException(constraint, message, e);
    }

    private static String kind(String state) {
        return switch (state) {
            case "23505" -> "unique constraint";
            case "23503" -> "foreign key";
            case "23514" -> "check constraint";
            case "23502" -> "not-null constraint";
            case "23P01" -> "exclusion constraint";
            default -> "integrity constraint";
        };
    }

    /** SQLState plus the server's primary message (never its detail, which may quote values). */
    public static String describe(SQLException e) {
        String text = e.getMessage();
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getMessage() != null) {
            text = p.getServerErrorMessage().getMessage();
        }
        String state = e.getSQLState() == null ? "none" : e.getSQLState().toUpperCase(Locale.ROOT);
        return "SQLState " + state + ": " + text;
    }
}
