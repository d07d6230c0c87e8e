package dev.hybriddb.vector;

import dev.hybriddb.InvalidInputException;
import java.util.Objects;

/**
 * An ANN index on a table's {@code embedding}: HNSW (m, ef_construction) or IVFFlat (lists). Its
 * name is fixed by table, type and distance: {@code <table>_embedding_<hnsw|ivfflat>_<cosine|l2|ip>}.
 *
 * @param table          the table
 * @param type           HNSW or IVFFlat
 * @param distance       the distance the index serves
 * @param m              HNSW: links per node, 2..100 (0 for IVFFlat)
 * @param efConstruction HNSW: candidate list while building, 4..1000 and at least 2m (0 for IVFFlat)
 * @param lists          IVFFlat: number of lists, 1..32768 (0 for HNSW); rows/1000 is a good
 *                       start up to 1M rows, sqrt(rows) above. Build IVFFlat after loading data.
 */
public record IndexSpec(VectorTable table, Type type, Distance distance, int m, int efConstruction, int lists) {

    /** The index access method. */
    public enum Type {
        HNSW("hnsw"),
        IVFFLAT("ivfflat");

        private final String method;

        Type(String method) {
            this.method = method;
        }

        /** The access method name in SQL. */
        public String method() {
            return method;
        }
    }

    /** Validates the parameters of the chosen type. */
    public IndexSpec {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(distance, "distance");
        if (type == Type.HNSW) {
            range("m", m, 2, 100);
            range("efConstruction", efConstruction, 4, 1000);
            if (efConstruction < 2 * m) {
                throw new InvalidInputException("efConstruction", efConstruction, "must be at least 2 * m = " + 2 * m);
            }
        } else {
            range("lists", lists, 1, 32768);
        }
    }

    /** HNSW with pgvector's defaults: m = 16, ef_construction = 64. */
    public static IndexSpec hnsw(VectorTable table, Distance distance) {
        return new IndexSpec(table, Type.HNSW, distance, 16, 64, 0);
    }

    /** IVFFlat with {@code lists} lists. */
    public static IndexSpec ivfflat(VectorTable table, Distance distance, int lists) {
        return new IndexSpec(table, Type.IVFFLAT, distance, 0, 0, lists);
    }

    public IndexSpec withM(int newM) {
        return new IndexSpec(table, type, distance, newM, efConstruction, lists);
    }

    public IndexSpec withEfConstruction(int ef) {
        return new IndexSpec(table, type, distance, m, ef, lists);
    }

    /** The index name, e.g. {@code documents_embedding_hnsw_cosine}. */
    public String name() {
        return name(table, type, distance);
    }

    /** The index name for a table, type and distance. */
    public static String name(VectorTable table, Type type, Distance distance) {
        return table.tableName() + "_embedding_" + type.method() + "_" + distance.suffix();
    }

    /** The CREATE INDEX statement (every part comes from enums and validated integers). */
    String createSql() {
        String with = type == Type.HNSW
                ? "m = " + m + ", ef_construction = " + efConstruction
                : "lists = " + lists;
        return "CREATE INDEX " + name() + " ON " + table.tableName() + " USING " + type.method()
                + " (embedding " + distance.operatorClass() + ") WITH (" + with + ")";
    }

    private static void range(String field, int v, int min, int max) {
        if (v < min || v > max) {
            throw new InvalidInputException(field, v, "must be between " + min + " and " + max);
        }
    }
}
