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
    void aliasesWithKeywordsInsideExpressions() {
        assertThat(cols("MATCH (n) RETURN CASE WHEN n.a THEN 1 ELSE 2 END AS c, exists((n)-->()) AS e")).containsExactly("c", "e");
    }
}
