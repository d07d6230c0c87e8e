package dev.hybriddb.internal.jooq;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jooq.EnumType;
import org.jooq.impl.AbstractConverter;

/**
 * Maps a PostgreSQL enum, as jOOQ generates it, to the SDK's own enum of the same literals (the
 * SDK constant is the literal in upper case). Named in the code generator's forced types, so that
 * generated records and fields speak the SDK's enums.
 */
public final class SdkEnumConverter<D extends Enum<D> & EnumType, U extends Enum<U>> extends AbstractConverter<D, U> {
    private static final long serialVersionUID = 1L;

    private final Map<D, U> toUser;
    private final Map<U, D> toDatabase;

    public SdkEnumConverter(Class<D> databaseType, Class<U> userType) {
        super(databaseType, userType);
        Map<String, U> byName = new HashMap<>();
        for (U u : userType.getEnumConstants()) {
            byName.put(u.name(), u);
        }
        this.toUser = new EnumMap<>(databaseType);
        this.toDatabase = new EnumMap<>(userType);
        for (D d : databaseType.getEnumConstants()) {
            U u = byName.get(d.getLiteral().toUpperCase(Locale.ROOT));
            if (u == null) {
                throw new IllegalStateException(userType.getName() + " lacks the literal " + d.getLiteral()
                        + " of " + databaseType.getName());
            }
            toUser.put(d, u);
            toDatabase.put(u, d);
        }
        if (toDatabase.size() != userType.getEnumConstants().length) {
            throw new IllegalStateException(userType.getName() + " has constants that " + databaseType.getName() + " lacks");
        }
    }

    /** The PostgreSQL literal of an SDK enum constant (its name in lower case). */
    public static String literalOf(Enum<?> sdkConstant) {
        return sdkConstant.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public U from(D databaseObject) {
        return databaseObject == null ? null : toUser.get(databaseObject);
    }

    @Override
    public D to(U userObject) {
        return userObject == null ? null : toDatabase.get(userObject);
    }
}
