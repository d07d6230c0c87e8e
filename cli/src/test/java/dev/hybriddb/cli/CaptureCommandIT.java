package dev.hybriddb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** doctor's change-capture check and `capture status|wal|triggers` on a real server with wal_level=logical. */
class CaptureCommandIT {
    static PostgresService db;
    static Map<String, String> env;

    @BeforeAll
    static void migrate() {
        db = TestServices.freshDatabase("cli_capture");
        env = DoctorIT.env(db);
        CliRun m = CliRun.run(env, "migrate");
        assertThat(m.status()).as(m.all()).isEqualTo(ExitCode.OK);
    }

    @AfterAll
    static void dropDatabase() {
        TestServices.dropDatabase(db);                  // drops the capture slot first
    }

    @Test
    void switchesToWalAndBackDroppingTheSlot() throws Exception {
        assertThat(captureLine(CliRun.run(env, "doctor"))).startsWith("[OK  ]").endsWith("triggers");
        CliRun status = CliRun.run(env, "capture", "status");
        assertThat(status.status()).as(status.all()).isEqualTo(ExitCode.OK);
        assertThat(status.out()).contains("mode:          triggers").contains("wal_level:     logical")
                .contains(slot() + " (does not exist)");
        assertThat(outboxTriggersOnTasks()).isPositive();

        CliRun wal = CliRun.run(env, "capture", "wal");
        assertThat(wal.status()).as(wal.all()).isEqualTo(ExitCode.OK);
        assertThat(wal.out()).contains("created the replication slot " + slot()).contains("switched from triggers")
                .contains("run a WalCapture next to RealtimeSync");
        assertThat(scalar("SELECT hybriddb_capture_mode()")).isEqualTo("wal");
        assertThat(outboxTriggersOnTasks()).isZero();
        assertThat(scalar("SELECT count(*) FROM pg_replication_slots WHERE slot_name = hybriddb_capture_slot()")).isEqualTo("1");
        assertThat(captureLine(CliRun.run(env, "doctor"))).startsWith("[WARN]").contains("wal, slot " + slot())
                .contains("no reader active").contains("retains").contains("start a WalCapture");
        CliRun again = CliRun.run(env, "capture", "wal");
        assertThat(again.status()).as(again.all()).isEqualTo(ExitCode.OK);
        assertThat(again.out()).contains("already existed").contains("already in wal mode");

        CliRun kept = CliRun.run(env, "capture", "triggers");
        assertThat(kept.status()).as(kept.all()).isEqualTo(ExitCode.OK);
        assertThat(kept.out()).contains("switched from wal").contains("stays and retains");
        assertThat(captureLine(CliRun.run(env, "doctor"))).startsWith("[WARN]").contains("triggers, but slot " + slot())
                .contains("hybriddb capture triggers --drop-slot");

        CliRun dropped = CliRun.run(env, "capture", "triggers", "--drop-slot");
        assertThat(dropped.status()).as(dropped.all()).isEqualTo(ExitCode.OK);
        assertThat(dropped.out()).contains("already in triggers mode").contains("dropped the replication slot " + slot());
        assertThat(scalar("SELECT hybriddb_capture_mode()")).isEqualTo("triggers");
        assertThat(scalar("SELECT count(*) FROM pg_replication_slots WHERE slot_name = hybriddb_capture_slot()")).isEqualTo("0");
        assertThat(outboxTriggersOnTasks()).isPositive();
        assertThat(captureLine(CliRun.run(env, "doctor"))).startsWith("[OK  ]").endsWith("triggers");
    }

    @Test
    void needsTheOwnerRoleAndShowsTheServersRefusal() throws Exception {
        Map<String, String> appOnly = new HashMap<>(env);
        appOnly.remove("HYBRIDDB_MIGRATION_USER");
        appOnly.remove("HYBRIDDB_MIGRATION_PASSWORD");
        CliRun noOwner = CliRun.run(appOnly, "capture", "wal");
        assertThat(noOwner.status()).isEqualTo(ExitCode.USAGE);
        assertThat(noOwner.err()).contains("needs the owner role").contains("HYBRIDDB_MIGRATION_USER").doesNotContain("\tat ");
        assertThat(captureLine(CliRun.run(appOnly, "doctor"))).startsWith("[WARN]").contains("not checked");

        Map<String, String> appAsOwner = new HashMap<>(env);
        appAsOwner.put("HYBRIDDB_MIGRATION_USER", db.appUser());
        appAsOwner.put("HYBRIDDB_MIGRATION_PASSWORD", db.appPassword());
        CliRun refused = CliRun.run(appAsOwner, "capture", "wal");
        assertThat(refused.status()).as(refused.all()).isEqualTo(ExitCode.PROBLEMS_FOUND);
        assertThat(refused.err()).contains("capture wal: PostgreSQL refused").contains("SQLState 42501").doesNotContain("\tat ");
        assertThat(refused.all()).doesNotContain(db.appPassword());
        assertThat(scalar("SELECT hybriddb_capture_mode()")).isEqualTo("triggers");
    }

    private static String captureLine(CliRun doctor) {
        return doctor.out().lines().filter(l -> l.contains("change capture")).findFirst()
                .orElseThrow(() -> new AssertionError("no change capture line in\n" + doctor.all())).strip();
    }

    private static String slot() throws Exception {
        return scalar("SELECT hybriddb_capture_slot()");
    }

    private static long outboxTriggersOnTasks() throws Exception {
        return Long.parseLong(scalar("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'tasks'::regclass AND tgname LIKE ?", "%\\_hybriddb\\_outbox"));
    }

    private static String scalar(String sql, Object... args) throws Exception {
        try (Connection c = db.openAdmin(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
