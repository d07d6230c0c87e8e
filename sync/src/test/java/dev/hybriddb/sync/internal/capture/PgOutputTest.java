package dev.hybriddb.sync.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.sync.internal.Json;
import dev.hybriddb.sync.internal.capture.PgOutput.Change;
import dev.hybriddb.sync.internal.capture.PgOutput.Relation;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** pgoutput protocol 1 messages, built byte by byte as the server sends them; then the outbox rows made of them. */
class PgOutputTest {
    static final int UUID_OID = 2950;
    static final int TEXT_OID = 25;
    static final int TEXT_ARRAY_OID = 1009;
    static final Relation NOTES = new Relation(16401, "public", "notes", List.of(new PgOutput.Column("id", UUID_OID),
            new PgOutput.Column("tenant_id", UUID_OID), new PgOutput.Column("author_id", UUID_OID),
            new PgOutput.Column("body", TEXT_OID), new PgOutput.Column("token", TEXT_OID), new PgOutput.Column("tags", TEXT_ARRAY_OID)));
    static final CaptureTables.Spec SPEC = new CaptureTables.Spec(List.of("id"), List.of("author_id"), List.of("token"));
    static final String ID = "0b0e5f3c-0000-4000-8000-000000000001";
    static final String TENANT = "0b0e5f3c-0000-4000-8000-0000000000aa";
    static final String AUTHOR = "0b0e5f3c-0000-4000-8000-0000000000bb";

    @Test
    void decodesARelationAndItsColumns() throws IOException {
        Msg m = new Msg('R').i32(16401).str("public").str("notes").i8('f').i16(2)
                .i8(1).str("id").i32(UUID_OID).i32(-1)
                .i8(0).str("body").i32(TEXT_OID).i32(-1);
        Relation r = (Relation) PgOutput.decode(m.buffer());
        assertThat(r.id()).isEqualTo(16401);
        assertThat(r.schema()).isEqualTo("public");
        assertThat(r.name()).isEqualTo("notes");
        assertThat(r.columns()).extracting(PgOutput.Column::name).containsExactly("id", "body");
        assertThat(r.indexOf("body")).isEqualTo(1);
        assertThat(r.indexOf("nope")).isEqualTo(-1);
    }

    @Test
    void decodesTransactionsAndLogicalMessages() throws IOException {
        PgOutput.Begin b = (PgOutput.Begin) PgOutput.decode(new Msg('B').i64(100).i64(7_000_000).i32(42).buffer());
        assertThat(b).isEqualTo(new PgOutput.Begin(100, 7_000_000, 42));
        PgOutput.Commit c = (PgOutput.Commit) PgOutput.decode(new Msg('C').i8(0).i64(100).i64(180).i64(7_000_000).buffer());
        assertThat(c.endLsn()).isEqualTo(180);
        PgOutput.Logical l = (PgOutput.Logical) PgOutput.decode(new Msg('M').i8(1).i64(90).str("hybriddb_capture").i32(2).raw("ok").buffer());
        assertThat(l.prefix()).isEqualTo("hybriddb_capture");
        assertThat(new String(l.content(), StandardCharsets.UTF_8)).isEqualTo("ok");
        assertThat(PgOutput.decode(new Msg('Y').i32(1).str("public").str("t").buffer())).isInstanceOf(PgOutput.Skipped.class);
    }

    @Test
    void anInsertBecomesTheTriggersOutboxRow() throws IOException {
        Change ch = (Change) PgOutput.decode(new Msg('I').i32(16401).i8('N').tuple(ID, TENANT, null, "hi", "s3cret", "{a,b}").buffer());
        CapturedRow row = CapturedRow.of(ch, NOTES, SPEC, 5);
        assertThat(row.op()).isEqualTo('I');
        assertThat(row.tenant()).isEqualTo(TENANT);
        assertThat(row.table()).isEqualTo("notes");
        assertThat(Json.readMap(row.rowKey())).isEqualTo(Map.of("id", ID));
        assertThat(row.keyTyped()).isTrue();
        assertThat(row.oldRow()).isNull();
        assertThat(row.tableRef()).isEqualTo("\"public\".\"notes\"");
    }

    @Test
    void anUpdateRecordsTheOldOwnerOnlyWhenItMoved() throws IOException {
        Change renamed = update(tuple(ID, TENANT, AUTHOR, "hi", "s3cret", "{a}"), tuple(ID, TENANT, AUTHOR, "bye", "s3cret", "{a}"));
        assertThat(CapturedRow.of(renamed, NOTES, SPEC, 5).oldRow()).isNull();
        Change moved = update(tuple(ID, TENANT, AUTHOR, "hi", "s3cret", "{a}"), tuple(ID, TENANT, null, "hi", "s3cret", "{a}"));
        Map<String, Object> old = Json.readMap(CapturedRow.of(moved, NOTES, SPEC, 5).oldRow());
        assertThat(old).containsEntry("id", ID).containsEntry("author_id", AUTHOR).containsEntry("tenant_id", TENANT).hasSize(3);
    }

    @Test
    void anUpdateToTheSameValuesIsNoChangeAndAnUnchangedToastValueCountsAsEqual() throws IOException {
        Change same = update(tuple(ID, TENANT, AUTHOR, "hi", "s3cret", "{a}"), tuple(ID, TENANT, AUTHOR, "hi", "s3cret", "{a}"));
        assertThat(CapturedRow.of(same, NOTES, SPEC, 5)).isNull();
        Msg m = new Msg('U').i32(16401).i8('O').tuple(ID, TENANT, AUTHOR, "long body", "s3cret", "{a}").i8('N')
                .i16(6).text(ID).text(TENANT).text(AUTHOR).unchanged().text("s3cret").text("{a}");
        assertThat(CapturedRow.of((Change) PgOutput.decode(m.buffer()), NOTES, SPEC, 5)).isNull();
    }

    @Test
    void aDeleteKeepsTheOldRowWithoutItsSecretsAndLeavesUntypedValuesToPostgres() throws IOException {
        Change ch = (Change) PgOutput.decode(new Msg('D').i32(16401).i8('O').tuple(ID, TENANT, AUTHOR, "hi", "s3cret", "{a,b}").buffer());
        CapturedRow row = CapturedRow.of(ch, NOTES, SPEC, 5);
        assertThat(row.op()).isEqualTo('D');
        assertThat(row.tenant()).isEqualTo(TENANT);
        Map<String, Object> old = Json.readMap(row.oldRow());
        assertThat(old).containsEntry("body", "hi").containsEntry("tags", "{a,b}").doesNotContainKey("token");
        assertThat(row.oldTyped()).as("text[] is typed by hybriddb_capture_typed").isFalse();
        assertThat(row.keyTyped()).isTrue();
    }

    @Test
    void numbersBooleansAndJsonAreTypedHere() throws IOException {
        Relation r = new Relation(1, "public", "m", List.of(new PgOutput.Column("id", 20), new PgOutput.Column("ok", 16),
                new PgOutput.Column("score", 1700), new PgOutput.Column("meta", 3802), new PgOutput.Column("x", 701)));
        Change ch = (Change) PgOutput.decode(new Msg('D').i32(1).i8('O').tuple("7", "t", "12.50", "{\"a\": [1]}", "NaN").buffer());
        CapturedRow row = CapturedRow.of(ch, r, new CaptureTables.Spec(List.of("id"), List.of(), List.of()), 5);
        assertThat(row.tenant()).isNull();
        assertThat(row.oldTyped()).isTrue();
        assertThat(row.oldRow()).isEqualTo("{\"id\":7,\"ok\":true,\"score\":12.50,\"meta\":{\"a\":[1]},\"x\":\"NaN\"}");
        assertThat(row.rowKey()).isEqualTo("{\"id\":7}");
    }

    private static Change update(Msg old, Msg neu) throws IOException {
        Msg m = new Msg('U').i32(16401).i8('O');
        m.out.write(old.bytes.toByteArray());
        m.i8('N');
        m.out.write(neu.bytes.toByteArray());
        return (Change) PgOutput.decode(m.buffer());
    }

    private static Msg tuple(String... values) throws IOException {
        return new Msg().tuple(values);
    }

    /** A message as the server writes it. */
    static final class Msg {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(bytes);

        Msg() {}

        Msg(char tag) throws IOException {
            out.writeByte(tag);
        }

        Msg i8(int v) throws IOException { out.writeByte(v); return this; }
        Msg i16(int v) throws IOException { out.writeShort(v); return this; }
        Msg i32(int v) throws IOException { out.writeInt(v); return this; }
        Msg i64(long v) throws IOException { out.writeLong(v); return this; }

        Msg str(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            out.writeByte(0);
            return this;
        }

        Msg raw(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Msg text(String v) throws IOException {
            if (v == null) {
                return i8('n');
            }
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            out.writeByte('t');
            out.writeInt(b.length);
            out.write(b);
            return this;
        }

        Msg unchanged() throws IOException {
            return i8('u');
        }

        Msg tuple(String... values) throws IOException {
            i16(values.length);
            for (String v : values) {
                text(v);
            }
            return this;
        }

        ByteBuffer buffer() {
            return ByteBuffer.wrap(bytes.toByteArray());
        }
    }
}
