package dev.hybriddb.sync.projection;

import dev.hybriddb.graph.Identifiers;
import dev.hybriddb.sync.internal.projection.Names;
import java.util.Objects;

/** One column projected as one graph property, with its conversion. */
public record PropertyMapping(String column, String property, Conversion conversion) {
    public PropertyMapping {
        Names.column(column);
        Identifiers.property(property);
        Objects.requireNonNull(conversion, "conversion");
        if ("id".equals(property)) {
            throw new dev.hybriddb.InvalidInputException("property", property,
                    "is reserved for the node key");
        }
    }

    /** The column under its own name, converted by {@link Conversion#AUTO}. */
    public static PropertyMapping of(String column) {
        return new PropertyMapping(column, column, Conversion.AUTO);
    }
}
