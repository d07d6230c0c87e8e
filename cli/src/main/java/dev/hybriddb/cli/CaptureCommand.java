package dev.hybriddb.cli;

import dev.hybriddb.Database;
import dev.hybriddb.HybridDBException;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.UnavailableException;
import dev.hybriddb.cli.internal.CaptureState;
import dev.hybriddb.cli.internal.Jdbc;
import dev.hybriddb.sync.capture.WalCapture;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Shows and switches how changes reach the sync outbox (changelog 0940): row triggers, or the WAL
 * read from a logical replication slot by a {@link WalCapture}. Runs as the owner role.
 */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = "Shows or switches how changes reach the sync outbox: row triggers, or the WAL read by a WalCapture"
                + " (as the owner role: HYBRIDDB_MIGRATION_USER).",
        subcommands = {CaptureCommand.Status.class, CaptureCommand.Wal.class, CaptureCommand.Triggers.class})
final class CaptureCommand implements Runnable {
    @ParentCommand
    HybridDbCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(root.out());
    }

    /**
     * A subcommand: connects as the owner role, reads the state, then does its work. A server
     * refusal prints the server's message and exits 1.
     */
    abstract static class OwnerCommand implements Callable<Integer> {
        @ParentCommand
        CaptureCommand capture;

        @Spec
        CommandSpec spec;

        @Mixin
        ConnectionOptions connection;

        @Override
        public Integer call() {
            HybridDbCommand root = capture.root;
            String name = "capture " + spec.name();
            Services s = new Services(root.env(), connection);
            if (!s.config.hasMigrationUser()) {
                root.err().println("hybriddb: " + name + " needs the owner role: set HYBRIDDB_MIGRATION_USER"
                        + " (and HYBRIDDB_MIGRATION_PASSWORD) or pass --migration-user");
                return ExitCode.USAGE;
            }
            Database owner = Database.of(Jdbc.ownerDataSource(s.config), s.config.retryPolicy());
            try {
                CaptureState state = owner.inTransaction(CaptureState::read);
                return work(owner, state, name + ": ", root.out());
            } catch (UnavailableException | InvalidInputException e) {
                throw e;
            } catch (HybridDBException e) {
                root.err().println("hybriddb: " + name + ": PostgreSQL refused: " + e.getMessage());
                return ExitCode.PROBLEMS_FOUND;
            }
        }

        abstract int work(Database owner, CaptureState state, String prefix, PrintWriter out);

        static boolean notInstalled(CaptureState state, PrintWriter out) {
            if (!state.installed()) {
                state.describe().forEach(out::println);
                return true;
            }
            return false;
        }
    }

    /** Prints the mode, wal_level and the slot. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Shows the capture mode, wal_level and the replication slot (reader, retained WAL), as `hybriddb doctor` checks them.")
    static final class Status extends OwnerCommand {
        @Override
        int work(Database owner, CaptureState state, String prefix, PrintWriter out) {
            state.describe().forEach(out::println);
            out.println(state.check());
            return ExitCode.OK;
        }
    }

    /** WalCapture.install: the publication, the slot, then every attached table off its triggers. */
    @Command(name = "wal", mixinStandardHelpOptions = true,
            description = {"Captures changes from the WAL: creates the publication and the replication slot, then drops the outbox"
                    + " triggers of every attached table in one transaction (needs wal_level=logical and the REPLICATION attribute).",
                    "A WalCapture must then run next to RealtimeSync: until one reads the slot, the outbox gets no rows and the"
                            + " slot keeps the server's WAL."})
    static final class Wal extends OwnerCommand {
        @Override
        int work(Database owner, CaptureState before, String prefix, PrintWriter out) {
            if (notInstalled(before, out)) {
                return ExitCode.PROBLEMS_FOUND;
            }
            WalCapture.install(owner);
            CaptureState after = owner.inTransaction(CaptureState::read);
            out.println(prefix + (before.slotExists() ? "the replication slot " + after.slot() + " already existed"
                    : "created the replication slot " + after.slot()) + " (publication hybriddb_capture)");
            out.println(prefix + (before.walMode() ? "already in wal mode: " : "switched from triggers: ") + after.tables()
                    + " attached table(s) are captured from the WAL, without outbox triggers");
            out.println(prefix + "now run a WalCapture next to RealtimeSync (WalCapture.builder(owner, WalCapture.replicationVia(url,"
                    + " role, password)).build().start(), a role with REPLICATION): until one reads the slot, the outbox gets no rows"
                    + " and the slot keeps the server's WAL");
            out.println(after.check());
            return ExitCode.OK;
        }
    }

    /** WalCapture.uninstall, then WalCapture.dropSlot with --drop-slot. */
    @Command(name = "triggers", mixinStandardHelpOptions = true,
            description = {"Captures changes by outbox triggers again: recreates the triggers of every attached table and takes"
                    + " them out of the publication, in one transaction. The replication slot stays (see --drop-slot).",
                    "Changes committed before the switch are still in the slot: let the WalCapture catch up, stop it, then drop"
                            + " the slot with --drop-slot."})
    static final class Triggers extends OwnerCommand {
        @Option(names = "--drop-slot", description = "then drop the replication slot. Changes in the slot that no WalCapture has"
                + " read yet are LOST: drop it only after a WalCapture has caught up (and stop that WalCapture first).")
        boolean dropSlot;

        @Override
        int work(Database owner, CaptureState before, String prefix, PrintWriter out) {
            if (notInstalled(before, out)) {
                return ExitCode.PROBLEMS_FOUND;
            }
            WalCapture.uninstall(owner);
            out.println(prefix + (before.walMode() ? "switched from wal: " : "already in triggers mode: ") + before.tables()
                    + " attached table(s) are captured by outbox triggers");
            if (!before.slotExists()) {
                out.println(prefix + "no replication slot " + before.slot() + (dropSlot ? " to drop" : ""));
            } else if (dropSlot) {
                WalCapture.dropSlot(owner);
                out.println(prefix + "dropped the replication slot " + before.slot() + " (it retained " + before.retained() + " of WAL)");
            } else {
                out.println(prefix + "the replication slot " + before.slot() + " stays and retains " + before.retained()
                        + " of WAL: once a WalCapture has read it to the end, stop it and run `hybriddb capture triggers --drop-slot`");
            }
            out.println(owner.inTransaction(CaptureState::read).check());
            return ExitCode.OK;
        }
    }
}
