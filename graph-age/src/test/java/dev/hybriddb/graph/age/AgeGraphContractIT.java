package dev.hybriddb.graph.age;

import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphBackendContract;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The backend contract on Apache AGE, in a fresh database, as the role that owns the graphs. */
class AgeGraphContractIT extends GraphBackendContract {
    private static PostgresService db;
    private static AgeGraph age;

    @BeforeAll
    static void connect() {
        db = TestServices.freshDatabase("age_contract");
        age = AgeGraph.connect(db.jdbcUrl(), db.adminUser(), db.adminPassword());
    }

    @AfterAll
    static void close() {
        if (age != null) {
            age.close();
        }
        if (db != null) {
            TestServices.dropDatabase(db);
        }
    }

    @Override
    protected GraphBackend backend() {
        return age;
    }

    @Override
    protected String graphPrefix() {
        return "age_contract";
    }
}
