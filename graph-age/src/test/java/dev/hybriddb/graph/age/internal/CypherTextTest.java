package dev.hybriddb.graph.age.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.graph.GraphException;
import org.junit.jupiter.api.Test;

class CypherTextTest {
    private static java.util.List<String> cols(String cypher) {
        return CypherText.of(cypher).columns();
    }

    @Test
    void columnsAreAliasesOrItemText() {
        assertThat(cols("MATCH (n) RETURN n")).containsExactly("n");
        assertThat(cols("MATCH (n) RETURN n.name AS name, count(*) AS c")).containsExactly("name", "c");
        assertThat(cols("MATCH (n) RETURN n.name, n.x  +  1")).containsExactly("n.name", "n.x  +  1");
        assertThat(cols("MATCH (n) return distinct n.a as `we ird`, n.b AS `x``y`")).containsExactly("we ird", "x`y");
        assertThat(cols("MATCH (n) RETURN {a: n.a, b: [1, 2]} AS m, coalesce(n.a, 'x, y') AS c")).containsExactly("m", "c");
        assertThat(cols("MATCH (n) RETURN n ORDER BY n.id SKIP 1 LIMIT 2")).containsExactly("n");
        assertThat(cols("MATCH (n) WITH n AS m RETURN m.id AS id;")).containsExactly("id");
        assertThat(cols("RETURN 1 AS a UNION RETURN 2 AS a")).containsExactly("a");
        assertThat(cols("MATCH (n) WHERE n.s = 'RETURN x' RETURN n.s AS s // RETURN y")).containsExactly("s");
        assertThat(cols("MATCH (n) /* RETURN a, b */ RETURN n.a AS a")).containsExactly("a");
        assertThat(cols("MATCH (n) RETURN n.as AS as")).containsExactly("as");
        assertThat(cols("MATCH (n) RETURN n.order, n.limit AS limit ORDER BY n.skip")).containsExactly("n.order", "limit");
        assertThat(cols("MATCH (n) RETURN n.x AS")).containsExactly("n.x AS");
    }

    @Test
    void noReturnMeansNoColumns() {
        assertThat(cols("CREATE (n:X {id: $id})")).isEmpty();
        assertThat(cols("MATCH (n {s: 'return'}) SET n.return = 1")).isEmpty();
    }

    @Test
    void refusals() {
        for (String bad : new String[] {"", "   ", "MATCH (n) RETURN *", "RETURN '$$'", "RETURN $$", "MATCH (n RETURN n",
                "RETURN 'open", "RETURN `open", "RETURN 1 /* open", "MATCH (n)) RETURN n", "MATCH (n) RETURN n,"}) {
            assertThatThrownBy(() -> CypherText.of(bad).columns()).as(bad).isInstanceOf(GraphException.class);
        }
        assertThatThrownBy(() -> CypherText.of(null)).isInstanceOf(GraphException.class);
    }

    @Test
    void writeClausesAreFound() {
        assertThat(CypherText.of("MATCH (n) RETURN n").firstWriteClause()).isNull();
        assertThat(CypherText.of("MATCH (n:Set {create: 1}) WHERE n.delete = 'MERGE' RETURN n.remove").firstWriteClause()).isNull();
        assertThat(CypherText.of("MATCH (n) WHERE n.created_at > 1 RETURN n").firstWriteClause()).isNull();
        assertThat(CypherText.of("CREATE (n) RETURN n").firstWriteClause()).isEqualTo("CREATE");
        assertThat(CypherText.of("MATCH (n) set n.x = 1").firstWriteClause()).isEqualTo("SET");
        assertThat(CypherText.of("MATCH (n) DETACH DELETE n").firstWriteClause()).isEqualTo("DETACH");
        assertThat(CypherText.of("MATCH (n) REMOVE n.x").firstWriteClause()).isEqualTo("REMOVE");
        assertThat(CypherText.of("MERGE (n {id: 1})").firstWriteClause()).isEqualTo("MERGE");
    }

    @Test
    void wholeEntitySetFromAParameterIsWrappedForAge() {
        assertThat(CypherText.of("MATCH (n) SET n += $props RETURN n").forAge().text())
                .isEqualTo("MATCH (n) SET n += head([$props]) RETURN n");
        assertThat(CypherText.of("MATCH (n), (m) SET n = $a, m += $b").forAge().text())
                .isEqualTo("MATCH (n), (m) SET n = head([$a]), m += head([$b])");
        assertThat(CypherText.of("MERGE (a)-[e:X {id: $id}]->(b) ON CREATE SET e += $p").forAge().text())
                .isEqualTo("MERGE (a)-[e:X {id: $id}]->(b) ON CREATE SET e += head([$p])");
        for (String unchanged : new String[] {"MATCH (n) SET n.x = $x", "MATCH (n) WHERE n.id = $id RETURN n",
                "WITH $a AS x WHERE x = $b RETURN x", "MATCH (n) SET n += $p.inner", "MATCH (n) SET n += {a: $a}",
                "MATCH (n) SET n + = $p", "RETURN '= $p' AS s"}) {
            assertThat(CypherText.of(unchanged).forAge().text()).as(unchanged).isEqualTo(unchanged);
        }
    }

    @Test
    void orderByAliasesBecomeTheirExpressionsForAge() {
        assertThat(CypherText.of("MATCH (e) RETURN e.id AS id, e.at AS started ORDER BY started DESC, id ASC LIMIT $l")
                .forAge().text()).isEqualTo("MATCH (e) RETURN e.id AS id, e.at AS started ORDER BY (e.at) DESC, (e.id) ASC LIMIT $l");
        assertThat(CypherText.of("MATCH (k) RETURN DISTINCT k.id AS id ORDER BY id").forAge().text())
                .isEqualTo("MATCH (k) RETURN DISTINCT k.id AS id ORDER BY (k.id)");
        assertThat(CypherText.of("MATCH (k) WITH k.name AS n, count(k) AS c ORDER BY c DESC, toLower(n) RETURN n, c").forAge().text())
                .isEqualTo("MATCH (k) WITH k.name AS n, count(k) AS c ORDER BY (count(k)) DESC, toLower((k.name)) RETURN n, c");
        assertThat(CypherText.of("MATCH (t) RETURN t.id AS t, r ORDER BY t").forAge().text())
                .isEqualTo("MATCH (t) RETURN t.id AS t, r ORDER BY (t.id)");
        assertThat(CypherText.of("MATCH (t) RETURN t.id AS t, r ORDER BY t").forAge().columns()).containsExactly("t", "r");
        for (String unchanged : new String[] {"MATCH (n) RETURN n.id AS id ORDER BY n.id", "MATCH (n) RETURN n AS p ORDER BY p.name",
                "MATCH (n) RETURN n.id AS id", "MATCH (n) RETURN n.x AS x ORDER BY n.x SKIP 1", "MATCH (n) RETURN n ORDER BY n.id",
                "MATCH (n) WHERE n.v STARTS WITH 'a' OR n.v ENDS WITH $b RETURN n.v AS v"}) {
            assertThat(CypherText.of(unchanged).forAge().text()).as(unchanged).isEqualTo(unchanged);
        }
    }

    @Test
    void mergeThenSetRunsAsTwoStatementsOnAge() {
        java.util.List<CypherText> parts = CypherText.of("MATCH (a:Agent {id: $a}) MATCH (t:Task {id: $t}) "
                + "MERGE (a)-[e:EXECUTED {id: $id}]->(t) SET e += head([$props]) RETURN e.id AS id").statementsForAge();
        assertThat(parts).extracting(CypherText::text).containsExactly(
                "MATCH (a:Agent {id: $a}) MATCH (t:Task {id: $t}) MERGE (a)-[e:EXECUTED {id: $id}]->(t)",
                "MATCH (a:Agent {id: $a}) MATCH (t:Task {id: $t}) MATCH (a)-[e:EXECUTED {id: $id}]->(t) SET e += head([$props]) "
                        + "RETURN e.id AS id");
        assertThat(parts.get(0).columns()).isEmpty();
        assertThat(CypherText.of("MATCH (a {id: $a}) MERGE (a)-[e:X]->(t) WITH a, e WHERE e.s IS NULL SET e += $p RETURN a.id AS id")
                .statementsForAge()).extracting(CypherText::text).containsExactly("MATCH (a {id: $a}) MERGE (a)-[e:X]->(t)",
                "MATCH (a {id: $a}) MATCH (a)-[e:X]->(t) WITH a, e WHERE e.s IS NULL SET e += $p RETURN a.id AS id");
        assertThat(parts.get(1).columns()).containsExactly("id");
        for (String single : new String[] {"MERGE (n:X {id: $id})", "MERGE (n:X {id: $id}) RETURN n",
                "CREATE (m:Y) MERGE (n:X {id: $id}) SET n.v = 1", "MERGE (n:X {id: $id}) ON CREATE SET n.v = 1",
                "MERGE (n:X {id: $id}) MERGE (m:X {id: $id2}) SET n.v = 1", "MATCH (n) SET n.v = 1", "MATCH (n) RETURN n",
                "MERGE (n:X {id: $id}) WITH n RETURN n.v AS v", "MERGE (n:X {id: $id}) WITH n CREATE (m:Y) SET m.v = 1"}) {
            assertThat(CypherText.of(single).statementsForAge()).as(single).extracting(CypherText::text).containsExactly(single);
        }
    }

    @Test
    void aliasesWithKeywordsInsideExpressions() {
        assertThat(cols("MATCH (n) RETURN CASE WHEN n.a THEN 1 ELSE 2 END AS c, exists((n)-->()) AS e")).containsExactly("c", "e");
    }
}
