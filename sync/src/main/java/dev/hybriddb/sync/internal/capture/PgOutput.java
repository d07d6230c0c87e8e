package dev.hybriddb.sync.internal.capture;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the messages of PostgreSQL's {@code pgoutput} logical decoding plugin, protocol version 1
 * with {@code messages} on (the subset WalCapture needs: transactions, relations, row changes,
 * logical messages; anything else decodes to {@link Skipped}). Values arrive in text format.
 */
public final class PgOutput {
    private PgOutput() {}

    /** One decoded message. */
    public sealed interface Message permits Begin, Commit, Relation, Change, Truncate, Logical, Skipped {}

    /** @param commitMicros commit time, microseconds since 2000-01-01 UTC */
    public record Begin(long finalLsn, long commitMicros, int xid) implements Message {}

    public record Commit(long commitLsn, long endLsn, long commitMicros) implements Message {}

    public record Column(String name, int typeOid) {}

    public record Relation(int id, String schema, String name, List<Column> columns) implements Message {
        public int indexOf(String column) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(column)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * A row change. {@code op} is I, U or D; {@code oldTuple} is the replica identity's old values
     * (all columns with REPLICA IDENTITY FULL), or null when the server sent none.
     */
    public record Change(char op, int relationId, Tuple oldTuple, Tuple newTuple) implements Message {}

    public record Truncate(List<Integer> relationIds) implements Message {}

    /** A logical message ({@code pg_logical_emit_message}). */
    public record Logical(boolean transactional, long lsn, String prefix, byte[] content) implements Message {}

    public record Skipped(char tag) implements Message {}

    /**
     * Column values in text format: {@code null} for SQL NULL; {@code unchanged(i)} for a TOASTed
     * value the update did not touch (its text is not sent).
     */
    public static final class Tuple {
        private final String[] values;
        private final boolean[] unchanged;

        Tuple(String[] values, boolean[] unchanged) {
            this.values = values;
            this.unchanged = unchanged;
        }

        public int size() {
            return values.length;
        }

        public String value(int i) {
            return values[i];
        }

        public boolean unchanged(int i) {
            return unchanged[i];
        }
    }

    public static Message decode(ByteBuffer b) {
        char tag = (char) b.get();
        switch (tag) {
            case 'B':
                return new Begin(b.getLong(), b.getLong(), b.getInt());
            case 'C':
                b.get();                                        // flags, unused
                return new Commit(b.getLong(), b.getLong(), b.getLong());
            case 'R':
                return relation(b);
            case 'I': {
                int rel = b.getInt();
                expect(b, 'N');
                return new Change('I', rel, null, tuple(b));
            }
            case 'U':
                return update(b);
            case 'D': {
                int rel = b.getInt();
                b.get();                                        // 'K' (key) or 'O' (old row)
                return new Change('D', rel, tuple(b), null);
            }
            case 'T': {
                int n = b.getInt();
                b.get();                                        // options
                List<Integer> ids = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    ids.add(b.getInt());
                }
                return new Truncate(ids);
            }
            case 'M': {
                boolean transactional = (b.get() & 1) != 0;
                long lsn = b.getLong();
                String prefix = string(b);
                byte[] content = new byte[b.getInt()];
                b.get(content);
                return new Logical(transactional, lsn, prefix, content);
            }
            default:
                return new Skipped(tag);                        // type, origin
        }
    }

    private static Relation relation(ByteBuffer b) {
        int id = b.getInt();
        String schema = string(b);
        String name = string(b);
        b.get();                                                // replica identity setting
        int n = b.getShort();
        List<Column> columns = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            b.get();                                            // flags (part of the key)
            String column = string(b);
            int type = b.getInt();
            b.getInt();                                         // type modifier
            columns.add(new Column(column, type));
        }
        return new Relation(id, schema, name, List.copyOf(columns));
    }

    private static Change update(ByteBuffer b) {
        int rel = b.getInt();
        char kind = (char) b.get();
        Tuple old = null;
        if (kind == 'K' || kind == 'O') {
            old = tuple(b);
            kind = (char) b.get();
        }
        if (kind != 'N') {
            throw new IllegalStateException("pgoutput: expected the new tuple of an update, got '" + kind + "'");
        }
        return new Change('U', rel, old, tuple(b));
    }

    private static Tuple tuple(ByteBuffer b) {
        int n = b.getShort();
        String[] values = new String[n];
        boolean[] unchanged = new boolean[n];
        for (int i = 0; i < n; i++) {
            char kind = (char) b.get();
            switch (kind) {
                case 'n':
                    break;
                case 'u':
                    unchanged[i] = true;
                    break;
                case 't': {
                    byte[] text = new byte[b.getInt()];
                    b.get(text);
                    values[i] = new String(text, StandardCharsets.UTF_8);
                    break;
                }
                default:
                    throw new IllegalStateException("pgoutput: unsupported column value kind '" + kind + "'");
            }
        }
        return new Tuple(values, unchanged);
    }

    private static void expect(ByteBuffer b, char tag) {
        char got = (char) b.get();
        if (got != tag) {
            throw new IllegalStateException("pgoutput: expected '" + tag + "', got '" + got + "'");
        }
    }

    private static String string(ByteBuffer b) {
        int start = b.position();
        int end = start;
        while (b.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        b.get(bytes);
        b.get();                                                // the terminating zero
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
