package dev.hybriddb.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.HybridDB;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.TenantScope;
import dev.hybriddb.internal.repo.AgentRepo;
import dev.hybriddb.internal.repo.KeyedTable;
import dev.hybriddb.internal.repo.LessonRepo;
import dev.hybriddb.internal.repo.ProjectRepo;
import dev.hybriddb.internal.repo.Scope;
import dev.hybriddb.internal.repo.TaskRepo;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.LessonFields;
import dev.hybriddb.model.Project;
import dev.hybriddb.model.ProjectFields;
import dev.hybriddb.model.SearchHit;
import dev.hybriddb.model.SearchPage;
import dev.hybriddb.model.Task;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TenantType;
import dev.hybriddb.model.TextMatch;
import dev.hybriddb.model.TextSearchRequest;
import dev.hybriddb.schema.TrigramOperators;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Trigram search through the repositories against real PostgreSQL: ranking, paging, tenant
 * isolation under hostile queries, validation, and that the GIN trigram indexes serve the query.
 */
@ExtendWith(MigratedDb.Cleanup.class)
class TextSearchIT {
    private static HybridDB db;
    private static UUID a;
    private static UUID b;

    @BeforeAll
    static void setUp() {
        db = MigratedDb.open(2);
        a = db.createTenant(MigratedDb.fields().withType(TenantType.ENTERPRISE)).id();   // 25 agents: above the free plan
        b = MigratedDb.newTenant(db).id();
        db.withTenant(a, (TenantScope s) -> {
            for (String name : List.of("payment-service", "payment-gateway", "payments-legacy-monolith", "auth-service",
                    "secret-alpha")) {
                s.projects().create(ProjectFields.of(name, "the " + name + " project"));
            }
            s.tasks().create(TaskFields.of("Deploy the payment service", null));
            s.tasks().create(TaskFields.of("Write release notes", null));
            s.tasks().create(TaskFields.of("Deplyo hotfix to staging", null));
            for (int i = 1; i <= 25; i++) {
                s.agents().create(AgentFields.of(String.format("worker-%02d", i), AgentRole.CODER, null, null));
            }
            s.lessons().create(LessonFields.of("Retries", "Idempotency keys make payment retries safe", null));
            return null;
        });
        db.withTenant(b, (TenantScope s) -> {
            s.projects().create(ProjectFields.of("bravo-tools", "tenant B's own project"));
            return null;
        });
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void theClosestNameComesFirst() {
        // tag::search[]
        SearchPage<Project> page = db.withTenant(a, s -> s.projects().search(TextSearchRequest.builder()
                .query("payment service")
                .match(TextMatch.SIMILARITY)
                .minSimilarity(0.2)
                .limit(20)
                .offset(0)
                .build()));
        Project best = page.hits().get(0).entity();   // "payment-service", score 1.0
        // end::search[]
        assertThat(best.name()).isEqualTo("payment-service");
        assertThat(page.hits().get(0).score()).isEqualTo(1.0);
        assertThat(names(page, Project::name)).contains("payment-gateway").doesNotContain("secret-alpha");
        assertScoresDescend(page.hits());
        assertThat(page.hits()).allSatisfy(h -> assertThat(h.score()).isGreaterThanOrEqualTo(0.2));
    }

    @Test
    void wordSimilarityFindsAWordInsideALongerTitleAndToleratesTypos() {
        SearchPage<Task> page = db.withTenant(a, s -> s.tasks().search(TextSearchRequest.of("deploy")));
        assertThat(names(page, Task::title)).first().isEqualTo("Deploy the payment service");
        assertThat(page.hits().get(0).score()).isEqualTo(1.0);
        assertThat(names(page, Task::title)).doesNotContain("Write release notes");

        SearchPage<Task> typo = db.withTenant(a, s -> s.tasks().search(
                TextSearchRequest.builder().query("deplyo").minSimilarity(0.3).build()));
        assertThat(names(typo, Task::title)).first().isEqualTo("Deplyo hotfix to staging");
        assertThat(names(typo, Task::title)).contains("Deploy the payment service");
    }

    @Test
    void lessonsAreFoundByTheirContent() {
        var page = db.withTenant(a, s -> s.lessons().search(TextSearchRequest.of("idempotency")));
        assertThat(page.entities()).singleElement().satisfies(l -> assertThat(l.title()).isEqualTo("Retries"));
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        TextSearchRequest request = TextSearchRequest.builder().query("worker").limit(10).build();
        List<SearchHit<?>> all = new ArrayList<>();
        List<Boolean> more = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TextSearchRequest r = request;
            SearchPage<?> page = db.withTenant(a, s -> s.agents().search(r));
            assertThat(page.offset()).isEqualTo(10 * i);
            all.addAll(page.hits());
            more.add(page.hasMore());
            request = request.nextPage();
        }
        assertThat(more).containsExactly(true, true, false);
        assertThat(all).hasSize(25);
        Set<UUID> ids = new HashSet<>();
        all.forEach(h -> ids.add(((dev.hybriddb.model.Agent) h.entity()).id()));
        assertThat(ids).hasSize(25);
        assertScoresDescend(all);
    }

    @Test
    void anotherTenantNeverSeesTheRowsEvenWithHostileQueries() {
        List<String> hostile = List.of("secret-alpha", "payment", "%", "%%", "_", "' OR 1=1 --", "secret-alpha'; --",
                "\\", "a".repeat(TextSearchRequest.MAX_QUERY_LENGTH), "%_".repeat(TextSearchRequest.MAX_QUERY_LENGTH / 2));
        for (String q : hostile) {
            for (TextMatch match : TextMatch.values()) {
                TextSearchRequest r = TextSearchRequest.builder().query(q).match(match).minSimilarity(0.01).build();
                List<SearchPage<?>> pages = db.withTenant(b, s -> List.of(s.projects().search(r), s.tasks().search(r),
                        s.agents().search(r), s.lessons().search(r)));
                for (SearchPage<?> page : pages) {
                    assertThat(page.entities()).as(q).allSatisfy(e -> assertThat(e).isInstanceOf(Project.class)
                            .satisfies(p -> assertThat(((Project) p).tenantId()).isEqualTo(b)));
                }
            }
        }
        SearchPage<Project> own = db.withTenant(b, s -> s.projects().search(TextSearchRequest.of("bravo")));
        assertThat(names(own, Project::name)).containsExactly("bravo-tools");
    }

    @Test
    void badRequestsFailNamingTheField() {
        assertField(() -> TextSearchRequest.of(null), "query");
        assertField(() -> TextSearchRequest.of("   "), "query");
        assertField(() -> TextSearchRequest.of("x".repeat(TextSearchRequest.MAX_QUERY_LENGTH + 1)), "query");
        assertField(() -> TextSearchRequest.of("nul\u0000byte"), "query");
        assertField(() -> TextSearchRequest.builder().query("x").minSimilarity(0).build(), "minSimilarity");
        assertField(() -> TextSearchRequest.builder().query("x").minSimilarity(1.5).build(), "minSimilarity");
        assertField(() -> TextSearchRequest.builder().query("x").minSimilarity(Double.NaN).build(), "minSimilarity");
        assertField(() -> TextSearchRequest.builder().query("x").limit(0).build(), "limit");
        assertField(() -> TextSearchRequest.builder().query("x").offset(-1).build(), "offset");
        assertField(() -> TextSearchRequest.builder().query("x").match(null).build(), "match");
        assertField(() -> db.withTenant(a, s -> s.projects().search(null)), "request");
    }

    @Test
    void theThresholdIsPutBackAfterASearchInAScope() {
        String after = db.withTenant(a, s -> {
            s.dsl().fetch("select set_config('pg_trgm.word_similarity_threshold', '0.55', true)");
            s.tasks().search(TextSearchRequest.builder().query("deploy").minSimilarity(0.1).build());
            return s.dsl().fetchSingle("select current_setting('pg_trgm.word_similarity_threshold')").get(0, String.class);
        });
        assertThat(after).isEqualTo("0.55");
    }

    /**
     * With thousands of rows, the planner serves every repository's search from the GIN trigram
     * indexes, once pg_trgm's operators are LEAKPROOF (before that, row-level security keeps it off them).
     */
    @Test
    void theTrigramIndexesServeTheSearch() throws Exception {
        UUID big = db.createTenant(MigratedDb.fields().withType(TenantType.ENTERPRISE)).id();
        // Names drawn from many trigrams, like real text (md5's 16 hex digits make every trigram common).
        String name = "substr(" + letters("i") + ", 1, 12) || ' ' || substr(" + letters("i") + ", 20, 10)";
        String text = "substr(" + letters("i * 3") + ", 3, 20)";
        db.withTenant(big, (TenantScope s) -> {
            for (String table : List.of("projects (tenant_id, name, description)", "tasks (tenant_id, title, description)",
                    "lessons (tenant_id, title, content)")) {
                s.dsl().execute("insert into " + table + " select ?, 'item ' || " + name + ", 'about ' || " + text
                        + " from generate_series(1, 5000) i", big);
            }
            s.dsl().execute("insert into agents (tenant_id, name) select ?, " + name + " from generate_series(1, 5000) i", big);
            return null;
        });
        PostgresService pg = MigratedDb.pg();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.adminUser(), pg.adminPassword());
                Statement st = c.createStatement()) {
            st.execute("VACUUM ANALYZE projects, tasks, agents, lessons"); // what autovacuum does after bulk inserts
        }
        TextSearchRequest[] requests = {TextSearchRequest.builder().query("kvhqrl").match(TextMatch.SIMILARITY).build(),
                TextSearchRequest.builder().query("kvhqrl").match(TextMatch.WORD_SIMILARITY).build()};
        List<String> indexes = List.of("projects_name_trgm_idx", "tasks_title_trgm_idx", "agents_name_trgm_idx",
                "lessons_title_trgm_idx");
        boolean marked;
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.adminUser(), pg.adminPassword())) {
            marked = TrigramOperators.leakproof(c);
        }
        if (!marked) {
            // Row-level security keeps the planner off the indexes while the operators are not LEAKPROOF.
            for (String plan : plans(big, requests)) {
                assertThat(plan).doesNotContain("_trgm_idx");
            }
            String superUser = TestServices.requireEnv("HYBRIDDB_SUPERUSER", "to mark pg_trgm's operators LEAKPROOF");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), superUser,
                    System.getenv().getOrDefault("HYBRIDDB_SUPERUSER_PASSWORD", ""));
                    Statement st = c.createStatement()) {
                st.execute(TrigramOperators.LEAKPROOF_SQL);
                assertThat(TrigramOperators.leakproof(c)).isTrue();
            }
        }
        List<String> plans = plans(big, requests);
        for (int i = 0; i < plans.size(); i++) {
            assertThat(plans.get(i)).as(plans.get(i)).contains(indexes.get(i % indexes.size())).doesNotContain("Seq Scan");
        }
    }

    /** The plans of each request on projects, tasks, agents and lessons, in that order per request. */
    private static List<String> plans(UUID tenant, TextSearchRequest... requests) {
        return db.withTenant(tenant, s -> {
            Scope scope = new Scope(tenant, s.dsl());
            List<String> out = new ArrayList<>();
            for (TextSearchRequest r : requests) {
                for (KeyedTable<?, ?, ?> repo : List.<KeyedTable<?, ?, ?>>of(new ProjectRepo(scope), new TaskRepo(scope),
                        new AgentRepo(scope), new LessonRepo(scope))) {
                    out.add(repo.explainTextSearch(r));
                }
            }
            return out;
        });
    }

    /** A text of 32 letters from {@code i} (an SQL expression), spread over 28 letters. */
    private static String letters(String i) {
        return "translate(md5((" + i + ")::text), '0123456789abcdef', 'ghijklmnopqrstuv')"
                + " || translate(md5((" + i + " + 7)::text), '0123456789abcdef', 'wxyzabcdefghijkl')";
    }

    private static <E> List<String> names(SearchPage<E> page, Function<E, String> name) {
        return page.entities().stream().map(name).toList();
    }

    private static void assertScoresDescend(List<? extends SearchHit<?>> hits) {
        for (int i = 1; i < hits.size(); i++) {
            assertThat(hits.get(i).score()).isLessThanOrEqualTo(hits.get(i - 1).score());
        }
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field))
                .hasMessageStartingWith(field + " ");
    }
}
