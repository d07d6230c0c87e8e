package dev.hybriddb.internal;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Masks the secrets a connection string can carry before it reaches an exception message, a log
 * line or a {@code toString()}: the password of a URL's userinfo ({@code scheme://user:****@host})
 * and the value of every password-like parameter ({@code password=}, {@code sslpassword=},
 * {@code secret=}, {@code token=}...), in URL queries ({@code ?k=v&k=v}) and in libpq keyword
 * strings ({@code host=h password=p}) alike. Errs on the side of masking too much.
 */
public final class Redact {
    /** What a secret is replaced by. */
    public static final String MASK = "****";

    private static final Pattern USERINFO =
            Pattern.compile("(?i)(\\b[a-z][a-z0-9+.\\-]*://[^/?#@\\s:]*):[^\\s]*@");
    private static final Pattern PARAMETER = Pattern.compile(
            "(?i)((?:^|[?&;,\\s])[a-z0-9_.\\-]*(?:password|passwd|pwd|secret|token)\\s*=\\s*)(?:'[^']*'|[^&;,\\s]*)");

    private Redact() {}

    /** {@code text} (a URL, a connection string, or a message holding one) with its secrets masked; null for null. */
    public static String url(String text) {
        if (text == null) {
            return null;
        }
        String s = USERINFO.matcher(text).replaceAll("$1:" + MASK + "@");
        return PARAMETER.matcher(s).replaceAll("$1" + MASK);
    }

    /**
     * {@code e} when its message carries no secret, else a copy with the message masked (same SQL
     * state, error code and stack; the original is not attached, since it would print the secret).
     */
    public static SQLException sql(SQLException e) {
        String message = e.getMessage();
        String masked = url(message);
        if (message == null || message.equals(masked)) {
            return e;
        }
        SQLException copy = new SQLException(masked, e.getSQLState(), e.getErrorCode());
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }
}
