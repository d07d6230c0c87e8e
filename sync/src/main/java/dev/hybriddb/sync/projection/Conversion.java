package dev.hybriddb.sync.projection;

/**
 * How a column value becomes a graph property value. Graph stores keep strings, numbers,
 * booleans and lists of those; everything else is converted.
 *
 * <p>{@link #AUTO} converts by the JDBC value: uuid, text, enum and other types to String;
 * smallint, integer, bigint to Long; real, double precision and numeric to Double; boolean to
 * Boolean; timestamptz and timestamp to an ISO-8601 UTC string with microseconds
 * ({@code 2026-01-31T12:00:00.000000Z}, which sorts as text in time order); date to
 * {@code yyyy-MM-dd}; arrays to lists (element by element); json and jsonb to their compact
 * JSON text. The results are canonical {@link dev.hybriddb.graph.GraphValues}.
 */
public enum Conversion {
    /** By the JDBC type, as described above. */
    AUTO,
    /** The value's text. */
    STRING,
    /** A whole number (Long). */
    LONG,
    /** A floating point number (Double). */
    DOUBLE,
    /** A Boolean. */
    BOOLEAN,
    /** A timestamp as an ISO-8601 UTC string with microseconds. */
    ISO_TIMESTAMP,
    /** A timestamp as milliseconds since the epoch (Long). */
    EPOCH_MILLIS,
    /** An array as a list of AUTO-converted elements. */
    LIST,
    /** json/jsonb as compact JSON text (graph stores hold no map properties). */
    JSON_STRING
}
