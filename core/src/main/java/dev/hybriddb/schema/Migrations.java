package dev.hybriddb.schema;

import dev.hybriddb.schema.internal.ChangelogFiles;
import dev.hybriddb.schema.internal.QuietScope;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies, inspects and rolls back HybridDB's Liquibase changelog.
 *
 * <p>Run migrations as the owner role (the one that owns the tables), never as the application
 * role. Each call opens one connection and closes it. Liquibase logs through SLF4J; nothing is
 * written to stdout.
 *
 * <pre>{@code
 * Migrations.on(dataSource).withAppRole("my_app").update();
 * MigrationStatus status = Migrations.using(url, "owner", password).status();
 * }</pre>
 *
 * <p>Instances are immutable; the {@code with...} methods return copies.
 */
public final class Migrations {
    /** The master changelog, a classpath resource of this module. */
    public static final String MASTER_CHANGELOG = "db/changelog/db.changelog-master.xml";
    /** The tag at the end of the relational baseline. */
    public static final String BASELINE_TAG = "v0.1.0";
    /** Changelog parameter: the application role that receives DML grants. */
    public static final String APP_ROLE = "app_role";
    /** Changelog parameter: the dimension of {@code vector(N)} embedding columns. */
    public static final String EMBEDDING_DIMENSIONS = "embedding_dimensions";

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern PARAMETER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final ConnectionSource connections;
    private final String changelog;
    private final Map<String, String> parameters;

    @FunctionalInterface
    private interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private Migrations(ConnectionSource connections, String changelog, Map<String, String> parameters) {
        this.connections = connections;
        this.changelog = changelog;
        this.parameters = Map.copyOf(parameters);
    }

    /** Migrations over connections from {@code dataSource} (which must log in as the owner role). */
    public static Migrations on(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new Migrations(dataSource::getConnection, MASTER_CHANGELOG, Map.of());
    }

    /** Migrations over a JDBC URL and the owner role's credentials. */
    public static Migrations using(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return new Migrations(() -> DriverManager.getConnection(jdbcUrl, props), MASTER_CHANGELOG, Map.of());
    }

    /** Sets the application role that receives grants (default {@code hybriddb_app}). */
    public Migrations withAppRole(String role) {
        if (role == null || !ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("app role must match " + ROLE.pattern() + ": " + role);
        }
        return withParameter(APP_ROLE, role);
    }

    /** Sets the dimension of embedding columns (default 384). */
    public Migrations withEmbeddingDimensions(int dimensions) {
        if (dimensions < 1 || dimensions > 16000) {
            throw new IllegalArgumentException("embedding dimensions must be within 1..16000: " + dimensions);
        }
        return withParameter(EMBEDDING_DIMENSIONS, Integer.toString(dimensions));
    }

    /**
     * Sets a changelog parameter. Values are substituted into SQL, so only digits, letters and '_'
     * are accepted.
     */
    public Migrations withParameter(String name, String value) {
        if (name == null || !PARAMETER.matcher(name).matches()) {
            throw new IllegalArgumentException("parameter name must match " + PARAMETER.pattern() + ": " + name);
        }
        if (value == null || !value.matches("[A-Za-z0-9_]{1,63}")) {
            throw new IllegalArgumentException("parameter " + name + " must be 1-63 letters, digits or '_': " + value);
        }
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        copy.put(name, value);
        return new Migrations(connections, changelog, copy);
    }

    /** Uses another master changelog (a classpath resource), e.g. for an application's own changes. */
    public Migrations withChangelog(String classpathResource) {
        Objects.requireNonNull(classpathResource, "classpathResource");
        return new Migrations(connections, classpathResource, parameters);
    }

    /** Applies every pending changeset. Idempotent: a second call finds nothing to do. */
    public void update() {
        run("update", lb -> {
            new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, lb.getDatabase())
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                    .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS, lb.getChangeLogParameters())
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                    .setOutput(OutputStream.nullOutputStream())
                    .execute();
            return null;
        });
        LOG.info("database is up to date with {}", changelog);
    }

    /**
     * The applied and pending changesets. Reads only: on a database that was never migrated it
     * reports every changeset as pending without creating Liquibase's tables.
     */
    public MigrationStatus status() {
        return run("status", lb -> {
            if (!hasHistoryTable(lb.getDatabase())) {
                return new MigrationStatus(List.of(), refs(lb.getDatabaseChangeLog().getChangeSets()), Optional.empty());
            }
            List<ChangeSetRef> pending = refs(lb.listUnrunChangeSets(new Contexts(), new LabelExpression()));
            List<ChangeSetRef> applied = new ArrayList<>();
            String lastTag = null;
            for (RanChangeSet ran : ranChangeSets(lb.getDatabase())) {
                applied.add(new ChangeSetRef(ran.getId(), ran.getAuthor(), ran.getChangeLog()));
                if (ran.getTag() != null) {
                    lastTag = ran.getTag();
                }
            }
            return new MigrationStatus(applied, pending, Optional.ofNullable(lastTag));
        });
    }

    private static List<ChangeSetRef> refs(List<ChangeSet> changeSets) {
        List<ChangeSetRef> out = new ArrayList<>(changeSets.size());
        for (ChangeSet cs : changeSets) {
            out.add(new ChangeSetRef(cs.getId(), cs.getAuthor(), cs.getFilePath()));
        }
        return out;
    }

    private static boolean hasHistoryTable(Database database) throws SQLException {
        Connection c = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, database.getDatabaseChangeLogTableName().toLowerCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /**
     * Rolls back every changeset applied after {@code tag}. Liquibase also rolls back the
     * {@code tagDatabase} changeset that carries the tag, so after {@code rollbackTo(BASELINE_TAG)}
     * the schema is the baseline and the tag changeset is pending again (the next {@link #update()}
     * re-applies it).
     */
    public void rollbackTo(String tag) {
        requireTag(tag);
        run("rollback to " + tag, lb -> {
            lb.rollback(tag, new Contexts(), new LabelExpression());
            return null;
        });
        LOG.info("rolled back to tag {}", tag);
    }

    /**
     * Tags the current state of the database: Liquibase records the tag on the last applied
     * changeset, replacing a tag already there (right after the baseline that is {@code v0.1.0}).
     */
    public void tag(String tag) {
        requireTag(tag);
        run("tag " + tag, lb -> {
            lb.tag(tag);
            return null;
        });
    }

    /**
     * Writes a new changelog file {@code <dir>/<yyyyMMddHHmmss>-<name>.sql} (UTC timestamp) with a
     * valid formatted-SQL skeleton, and returns its path. Put it in a directory the master changelog
     * includes ({@code db/changelog/changes/}).
     *
     * @param name lower case letters, digits, '_' and '-', e.g. {@code add_new_feature}
     */
    public static Path createChangelog(Path dir, String name) {
        return createChangelog(dir, name, Clock.systemUTC());
    }

    static Path createChangelog(Path dir, String name, Clock clock) {
        Objects.requireNonNull(dir, "dir");
        try {
            return ChangelogFiles.create(dir, name, clock);
        } catch (IOException e) {
            throw new MigrationException("could not create changelog " + name + " in " + dir + ": " + e, e);
        }
    }

    @FunctionalInterface
    private interface LiquibaseWork<T> {
        T apply(Liquibase liquibase) throws Exception;
    }

    private <T> T run(String what, LiquibaseWork<T> work) {
        try {
            ResourceAccessor resources = new ClassLoaderResourceAccessor(Migrations.class.getClassLoader());
            return QuietScope.run(resources, () -> {
                Database database = openDatabase();
                try (Liquibase liquibase = new Liquibase(changelog, resources, database)) {
                    parameters.forEach((k, v) -> liquibase.getChangeLogParameters().set(k, v));
                    return work.apply(liquibase);
                }
            });
        } catch (MigrationException e) {
            throw e;
        } catch (Exception e) {
            throw new MigrationException("migration " + what + " failed: " + rootMessage(e), e);
        }
    }

    private Database openDatabase() throws Exception {
        Connection connection = connections.open();
        try {
            return DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        } catch (Exception e) {
            connection.close();
            throw e;
        }
    }

    private static List<RanChangeSet> ranChangeSets(Database database) throws Exception {
        return Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class)
                .getChangeLogService(database).getRanChangeSets();
    }

    private static void requireTag(String tag) {
        if (tag == null || !TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("tag must match " + TAG.pattern() + ": " + tag);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        String message = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    @Override
    public String toString() {
        return "Migrations[" + changelog + ", parameters=" + parameters + "]";
    }
}
