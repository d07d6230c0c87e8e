package dev.hybriddb.jooq;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Jdbc;

/**
 * Generates the jOOQ classes of {@code dev.hybriddb.jooq} from a database that the Liquibase
 * changelog has just migrated, with the configuration in {@code core/jooq-codegen.xml}.
 *
 * <p>Two callers: the {@code jooq-codegen} Maven profile runs this file as a single-file Java
 * program (so that it needs no compiled module: only PostgreSQL's driver, Liquibase and jOOQ on the
 * class path), and {@link GeneratedCodeDriftIT} calls {@link #generate} directly. This file must
 * therefore depend on nothing but the JDK and those libraries.
 *
 * <p>Usage: {@code java -cp <jars> JooqCodegen.java <jooq-codegen.xml> <changelog root> <target dir>},
 * with the environment of {@code scripts/services env} ({@code DATABASE_URL},
 * {@code HYBRIDDB_MIGRATION_USER}, {@code HYBRIDDB_MIGRATION_PASSWORD}, {@code POSTGRES_USER}).
 */
public final class JooqCodegen {
    /** The master changelog, relative to the changelog root. */
    public static final String MASTER_CHANGELOG = "db/changelog/db.changelog-master.xml";
    /** How to regenerate the committed code. */
    public static final String REGENERATE_COMMAND =
            "eval \"$(scripts/services env)\" && mvn -Pjooq-codegen -pl core generate-sources";

    private JooqCodegen() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: JooqCodegen <jooq-codegen.xml> <changelog root> <target dir>");
        }
        Path config = Path.of(args[0]);
        Path changelogRoot = Path.of(args[1]);
        Path target = Path.of(args[2]);
        Map<String, String> env = System.getenv();
        String url = require(env, "DATABASE_URL");
        String user = env.getOrDefault("HYBRIDDB_MIGRATION_USER", "hybriddb");
        String password = env.getOrDefault("HYBRIDDB_MIGRATION_PASSWORD", "hybriddb");
        String appRole = env.getOrDefault("POSTGRES_USER", "hybriddb_app");

        String name = "jooq_codegen_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String dbUrl = withDatabase(url, name);
        execute(url, user, password, "CREATE DATABASE " + name + " TEMPLATE template1");
        try {
            migrate(dbUrl, user, password, changelogRoot, appRole);
            generate(config, dbUrl, user, password, target);
        } finally {
            execute(url, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** Runs the jOOQ generator of {@code config} against {@code jdbcUrl}, writing into {@code target}. */
    public static void generate(Path config, String jdbcUrl, String user, String password, Path target) throws Exception {
        Configuration configuration;
        try (var in = Files.newInputStream(config)) {
            configuration = GenerationTool.load(in);
        }
        configuration.setJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(jdbcUrl)
                .withUser(user).withPassword(password));
        configuration.getGenerator().getTarget().setDirectory(target.toAbsolutePath().toString());
        GenerationTool.generate(configuration);
    }

    private static void migrate(String jdbcUrl, String user, String password, Path changelogRoot, String appRole)
            throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, credentials(user, password))) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            try (Liquibase liquibase = new Liquibase(MASTER_CHANGELOG, new DirectoryResourceAccessor(changelogRoot), database)) {
                liquibase.getChangeLogParameters().set("app_role", appRole);
                liquibase.update(new Contexts(), new LabelExpression());
            }
        }
    }

    private static void execute(String jdbcUrl, String user, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, credentials(user, password));
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static Properties credentials(String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return p;
    }

    /** The same server, another database (the last path segment of the JDBC URL replaced). */
    static String withDatabase(String jdbcUrl, String database) {
        int slash = jdbcUrl.indexOf('/', jdbcUrl.indexOf("//") + 2);
        int query = jdbcUrl.indexOf('?');
        return jdbcUrl.substring(0, slash + 1) + database + (query < 0 ? "" : jdbcUrl.substring(query));
    }

    private static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run `eval \"$(scripts/services env)\"` first");
        }
        return value;
    }
}
