package dev.hybriddb.schema;

/**
 * Runs every {@link Migrations} operation against the database given as arguments (URL, user,
 * password). {@code MigrationsIT} starts it in a child JVM and checks that its stdout stays empty.
 */
public final class QuietMigrationsMain {
    private QuietMigrationsMain() {}

    public static void main(String[] args) {
        Migrations m = Migrations.using(args[0], args[1], args[2]).withAppRole(args[3]);
        m.status();
        m.update();
        m.status();
        m.tag("quiet");
        m.rollbackTo("quiet");
        m.update();
        try {
            m.rollbackTo("no-such-tag");
        } catch (MigrationException expected) {
            // failures are reported by exception, not printed
        }
    }
}
