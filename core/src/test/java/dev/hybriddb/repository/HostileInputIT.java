package dev.hybriddb.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.ConstraintViolationException;
import dev.hybriddb.HybridDB;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.TenantScope;
import dev.hybriddb.coordination.EntitySync;
import dev.hybriddb.coordination.NewExecution;
import dev.hybriddb.coordination.Relationship;
import dev.hybriddb.internal.Text;
import dev.hybriddb.internal.repo.ColumnLimits;
import dev.hybriddb.jooq.DefaultSchema;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.Agent;
import dev.hybriddb.model.AgentExecutionFields;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.ApiKeyFields;
import dev.hybriddb.model.BudgetFields;
import dev.hybriddb.model.EventFilter;
import dev.hybriddb.model.Lesson;
import dev.hybriddb.model.LessonFields;
import dev.hybriddb.model.Project;
import dev.hybriddb.model.ProjectFields;
import dev.hybriddb.model.Task;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TenantFields;
import dev.hybriddb.model.UserFields;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile values through the repositories, as the application role: every bad value is refused
 * with an {@link InvalidInputException} naming the field, nothing is written, and valid edge cases
 * (emoji and other paired surrogates, text at exactly the limit) come back byte for byte. The
 * schema holds the same length limits for writers that bypass the repositories.
 */
@ExtendWith(MigratedDb.Cleanup.class)
class HostileInputIT {
    private static final String EMOJI = "\uD83D\uDE80";
    private static final List<String> BAD_TEXT = List.of("a\u0000b", "\u0000", "a\uD800b", "\uDC00", "x\uDE80\uD83D",
            EMOJI + "\uD83D");
    private static HybridDB db;
    private static UUID tenant;

    /** A write of one text value into one field, and the table it would land in. */
    private record Case(String field, String table, Function<String, Consumer<TenantScope>> write) {}

    @BeforeAll
    static void setUp() {
        db = MigratedDb.open(4);
        tenant = MigratedDb.newTenant(db).id();
    }

    @AfterAll
    static void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private static List<Case> textCases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("name", "agents", v -> s -> s.agents().create(AgentFields.of(v, AgentRole.WORKER, "m", List.of()))));
        c.add(new Case("model", "agents", v -> s -> s.agents().create(AgentFields.of("a", AgentRole.WORKER, v, List.of()))));
        c.add(new Case("capabilities[1]", "agents", v -> s -> s.agents().create(AgentFields.of("a", AgentRole.WORKER, "m", List.of("ok", v)))));
        c.add(new Case("config.k", "agents", v -> s -> s.agents().create(new AgentFields(null, "a", null, null, null, null, null, null,
                Map.of("k", v), null))));
        c.add(new Case("title", "tasks", v -> s -> s.tasks().create(TaskFields.of(v, List.of()))));
        c.add(new Case("prompt", "tasks", v -> s -> s.tasks().create(new TaskFields("t", null, null, null, null, null, null, null,
                null, null, null, null, null, null, v, null))));
        c.add(new Case("name", "projects", v -> s -> s.projects().create(ProjectFields.of(v, "d"))));
        c.add(new Case("description", "projects", v -> s -> s.projects().create(ProjectFields.of("p", v))));
        c.add(new Case("service", "api_keys", v -> s -> s.apiKeys().create(ApiKeyFields.of(v, "sk-1", null))));
        c.add(new Case("secret", "api_keys", v -> s -> s.apiKeys().create(ApiKeyFields.of("svc", v, null))));
        c.add(new Case("title", "lessons", v -> s -> s.lessons().create(LessonFields.of(v, "c", List.of()))));
        c.add(new Case("content", "lessons", v -> s -> s.lessons().create(LessonFields.of("t", v, List.of()))));
        c.add(new Case("tags[0]", "lessons", v -> s -> s.lessons().create(LessonFields.of("t", "c", List.of(v)))));
        c.add(new Case("name", "users", v -> s -> s.users().create(UserFields.of(v, null))));
        c.add(new Case("email", "users", v -> s -> s.users().create(UserFields.of("u", v))));
        return c;
    }

    private static long count(String table) {
        return db.withTenant(tenant, s -> s.dsl().fetchCount(DSL.table(DSL.name(table))));
    }

    private static void assertRefused(Case c, String value, Consumer<InvalidInputException> more) {
        long before = count(c.table());
        assertThatThrownBy(() -> db.useTenant(tenant, c.write().apply(value)::accept))
                .as("%s.%s", c.table(), c.field())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo(c.field());
                    more.accept(e);
                });
        assertThat(count(c.table())).as("rows of %s after a refused write", c.table()).isEqualTo(before);
    }

    @Test
    void nulAndUnpairedSurrogatesAreRefusedNamingTheFieldOnEveryRepository() {
        for (Case c : textCases()) {
            for (String bad : BAD_TEXT) {
                assertRefused(c, bad, e -> {
                    assertThat(e.getMessage()).containsAnyOf("NUL (U+0000)", "unpaired UTF-16 surrogate");
                    assertThat(Text.badIndex(e.getMessage())).isEqualTo(-1);
                });
            }
        }
    }

    @Test
    void apiKeySecretsAreNeverShownWhenRefused() {
        Case secret = textCases().stream().filter(c -> c.field().equals("secret")).findFirst().orElseThrow();
        assertRefused(secret, "sk-live-\uD800-secretvalue", e -> assertThat(e.getMessage()).doesNotContain("secretvalue"));
    }

    @Test
    void updatesAreCheckedLikeInserts() {
        Agent a = db.withTenant(tenant, s -> s.agents().create(AgentFields.of("before", AgentRole.WORKER, "m", List.of())));
        for (String bad : List.of("a\u0000", "\uD800", "n".repeat(Text.NAME + 1))) {
            assertThatThrownBy(() -> db.useTenant(tenant, s -> s.agents().update(a.id(),
                    new AgentFields(null, bad, null, null, null, null, null, null, null, null))))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
        }
        assertThat(db.withTenant(tenant, s -> s.agents().get(a.id())).name()).isEqualTo("before");
        assertThatThrownBy(() -> db.useTenant(tenant, s -> s.agents().pause(a.id(), "x\u0000")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("pausedBy"));
        assertThatThrownBy(() -> db.useTenant(tenant, s -> s.lessons().findByTag("t\u0000", dev.hybriddb.model.Page.first(5))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("tag"));
        assertThatThrownBy(() -> db.useTenant(tenant, s -> s.agentTasks().findById("id\u0000")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("id"));
    }

    @Test
    void textLongerThanTheLimitIsRefusedNamingFieldAndLimit() {
        Map<String, Integer> limits = Map.of("name", Text.NAME, "title", Text.TITLE, "description", Text.DESCRIPTION,
                "content", Text.LONG, "prompt", Text.LONG, "email", Text.NAME, "service", Text.NAME, "model", Text.NAME,
                "capabilities[1]", Text.NAME, "tags[0]", Text.NAME);
        for (Case c : textCases()) {
            Integer limit = limits.get(c.field());
            if (limit == null) {
                continue;
            }
            assertRefused(c, "n".repeat(limit + 1),
                    e -> assertThat(e.getMessage()).contains("longer than " + limit + " characters (" + (limit + 1) + ")"));
        }
        assertRefused(textCases().get(0), "n".repeat(1_000_000),
                e -> assertThat(e.getMessage()).contains("longer than 255").hasSizeLessThan(500));
    }

    @Test
    void validEdgeCasesRoundTripByteForByte() {
        String name = EMOJI.repeat(Text.NAME - 1) + "\u00e9";
        String mixed = ("t" + EMOJI + "\uD800\uDC00\uDBFF\uDFFF" + "\u200D\uFEFF\u0001\u007F").repeat(60) + "\t\n\r\"'\\";
        String title = mixed + "x".repeat(Text.TITLE - mixed.codePointCount(0, mixed.length()));
        String description = "\u65e5".repeat(Text.DESCRIPTION);
        assertThat(title.codePointCount(0, title.length())).isEqualTo(Text.TITLE);
        Agent a = db.withTenant(tenant, s -> s.agents().create(new AgentFields(null, name, AgentRole.WORKER, "m" + EMOJI, null,
                List.of(EMOJI, "c".repeat(Text.NAME)), null, null, Map.of("k" + EMOJI, "v" + EMOJI, "n", 1.25), null)));
        Agent back = db.withTenant(tenant, s -> s.agents().get(a.id()));
        assertThat(back.name().getBytes(StandardCharsets.UTF_8)).isEqualTo(name.getBytes(StandardCharsets.UTF_8));
        assertThat(back.capabilities()).containsExactly(EMOJI, "c".repeat(Text.NAME));
        assertThat(back.config()).containsEntry("k" + EMOJI, "v" + EMOJI).containsEntry("n", 1.25);
        Task t = db.withTenant(tenant, s -> s.tasks().create(new TaskFields(title, description, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null)));
        Task tb = db.withTenant(tenant, s -> s.tasks().get(t.id()));
        assertThat(tb.title().getBytes(StandardCharsets.UTF_8)).isEqualTo(title.getBytes(StandardCharsets.UTF_8));
        assertThat(tb.description()).isEqualTo(description);
        String secret = "sk-" + EMOJI + "\u0001";
        UUID key = db.withTenant(tenant, s -> s.apiKeys().create(ApiKeyFields.of("svc" + EMOJI, secret, null)).id());
        String decrypted = db.withTenant(tenant, s -> s.apiKeys().decrypt(key));
        assertThat(decrypted).isEqualTo(secret);
        Lesson l = db.withTenant(tenant, s -> s.lessons().create(LessonFields.of("L".repeat(Text.TITLE), EMOJI, List.of(EMOJI))));
        assertThat(db.withTenant(tenant, s -> s.lessons().get(l.id())).title()).hasSize(Text.TITLE);
        Project p = db.withTenant(tenant, s -> s.projects().create(ProjectFields.of(EMOJI, EMOJI.repeat(Text.DESCRIPTION))));
        assertThat(db.withTenant(tenant, s -> s.projects().get(p.id())).description()).isEqualTo(EMOJI.repeat(Text.DESCRIPTION));
    }

    @Test
    void jsonNumbersJsonCannotHoldAreRefused() {
        for (Object bad : List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY)) {
            assertRefused(new Case("config.x", "agents", v -> s -> s.agents().create(new AgentFields(null, "a", null, null, null,
                    null, null, null, Map.of("x", bad), null))), "unused", e -> {});
            assertRefused(new Case("metadata.deep.list[1]", "lessons", v -> s -> s.lessons().create(new LessonFields(null, null,
                    null, "t", "c", null, null, null, Map.of("deep", Map.of("list", List.of(1, bad)))))), "unused", e -> {});
        }
    }

    @Test
    void nullListElementsAreRefusedNamingTheIndex() {
        assertRefused(new Case("capabilities[1]", "agents", v -> s -> s.agents().create(AgentFields.of("a", AgentRole.WORKER,
                "m", Arrays.asList("x", null)))), "unused", e -> {});
        assertRefused(new Case("tags[0]", "lessons", v -> s -> s.lessons().create(LessonFields.of("t", "c",
                Arrays.asList((String) null)))), "unused", e -> {});
        assertRefused(new Case("requiredCapabilities[2]", "tasks", v -> s -> s.tasks().create(TaskFields.of("t",
                Arrays.asList("a", "b", null)))), "unused", e -> {});
        assertThatThrownBy(() -> new EventFilter(null, null, Arrays.asList("a", null), null, 10))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("types[1]"));
        assertThatThrownBy(() -> new EntitySync("Agent", "a1", Map.of(), Arrays.asList((Relationship) null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("relationships[0]"));
    }

    @Test
    void outOfRangeTimestampsAndNumbersAreRefusedNamingTheField() {
        assertRefused(new Case("dueAt", "tasks", v -> s -> s.tasks().create(new TaskFields("t", null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, OffsetDateTime.MAX))), "unused", e -> {});
        assertRefused(new Case("hourlyRate", "users", v -> s -> s.users().create(new UserFields("u", null, null, null,
                new BigDecimal("123456789"), null, null))), "unused", e -> assertThat(e.getMessage()).contains("numeric(10, 2)"));
        assertRefused(new Case("confidence", "lessons", v -> s -> s.lessons().create(new LessonFields(null, null, null, "t", "c",
                null, null, new BigDecimal("10"), null))), "unused", e -> {});
        assertRefused(new Case("allocated", "budgets", v -> s -> s.budgets().create(BudgetFields.forSwarm(null,
                new BigDecimal("1e20"), "USD", null))), "unused", e -> {});
        Agent a = db.withTenant(tenant, s -> s.agents().create(AgentFields.of("runner", AgentRole.WORKER, "m", List.of())));
        Task t = db.withTenant(tenant, s -> s.tasks().create(TaskFields.of("work", List.of())));
        assertRefused(new Case("startedAt", "agent_executions", v -> s -> s.agentExecutions().create(new AgentExecutionFields(
                a.id(), t.id(), null, null, null, null, OffsetDateTime.MIN, null, null, null, null))), "unused", e -> {});
        assertRefused(new Case("cost", "agent_executions", v -> s -> s.agentExecutions().create(new AgentExecutionFields(
                a.id(), t.id(), null, null, null, null, null, null, null, null, new BigDecimal("1e12")))), "unused", e -> {});
        for (Instant bad : List.of(Instant.MAX, Instant.MIN)) {
            assertThatThrownBy(() -> NewExecution.of(dev.hybriddb.model.ExecutionResult.SUCCESS, bad, null))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("startedAt"));
        }
        assertThatThrownBy(() -> new NewExecution(dev.hybriddb.model.ExecutionResult.SUCCESS, Instant.now(), null, 0, new BigDecimal("1e9"), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cost"));
        assertThatThrownBy(() -> NewExecution.of(null, Instant.now(), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("result"));
    }

    @Test
    void tenantsAreCheckedToo() {
        assertThatThrownBy(() -> db.createTenant(TenantFields.of("T\uD800", "slug-" + UUID.randomUUID())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> db.createTenant(TenantFields.of("T", "s".repeat(Text.NAME + 1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("slug"));
    }

    @Test
    void theSchemaEnforcesTheLimitsForWritersThatBypassTheRepositories() {
        assertThatThrownBy(() -> db.useTenant(tenant, s -> s.dsl().execute(
                "INSERT INTO agents (tenant_id, name) VALUES (?, ?)", tenant, "n".repeat(Text.NAME + 1))))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("agents_name_length"));
        assertThatThrownBy(() -> db.useTenant(tenant, s -> s.dsl().execute(
                "INSERT INTO lessons (tenant_id, title, content, tags) VALUES (?, 't', 'c', ARRAY[?])", tenant,
                "n".repeat(Text.NAME + 1))))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("lessons_tags_elements"));
        db.useTenant(tenant, s -> s.dsl().execute("INSERT INTO agents (tenant_id, name) VALUES (?, ?)", tenant,
                EMOJI.repeat(Text.NAME)));
    }

    /** Every free-text column of a tenant table has a CHECK in the schema equal to the limit the repositories check. */
    @Test
    void javaLimitsAndSchemaConstraintsAgree() {
        Pattern check = Pattern.compile("char_length\\((\\w+)\\) <= (\\d+)");
        Map<String, Integer> schema = new HashMap<>();
        db.useTenant(tenant, s -> s.dsl().fetch("SELECT conrelid::regclass::text AS t, pg_get_constraintdef(oid) AS d "
                + "FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace").forEach(r -> {
                    Matcher m = check.matcher(r.get("d", String.class));
                    if (m.find()) {
                        schema.put(r.get("t", String.class) + "." + m.group(1), Integer.parseInt(m.group(2)));
                    }
                }));
        Set<String> unlimited = Set.of("documents", "memories", "conversations");
        List<String> checked = new ArrayList<>();
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            if (table.getTableType() != org.jooq.TableOptions.TableType.TABLE || unlimited.contains(table.getName())
                    || table.field("tenant_id") == null && !table.getName().equals("tenants")) {
                continue;
            }
            for (Field<?> f : table.fields()) {
                if (f.getDataType().getSQLDataType() != SQLDataType.CLOB || f.getDataType().length() > 0) {
                    continue;
                }
                String key = table.getName() + "." + f.getName();
                assertThat(schema.get(key)).as("CHECK of %s", key).isNotNull().isEqualTo(ColumnLimits.of(f));
                checked.add(key);
            }
        }
        assertThat(checked).contains("agents.name", "tasks.title", "lessons.content", "api_keys.service", "tenants.slug");
    }
}
