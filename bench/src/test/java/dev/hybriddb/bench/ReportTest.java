package dev.hybriddb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.bench.internal.Latencies;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @Test
    void targetsPassOnTheRightSideOfTheirThreshold() {
        assertThat(Target.atLeast("s", "rate", 10, 5).passed()).isTrue();
        assertThat(Target.atLeast("s", "rate", 4, 5).passed()).isFalse();
        assertThat(Target.atMost("s", "p99 ms", 100, 250).passed()).isTrue();
        assertThat(Target.atMost("s", "p99 ms", 300, 250).verdict()).isEqualTo("FAIL");
        assertThat(Target.atMost("s", "p99 ms", 125, 250).score()).isEqualTo(2.0);
    }

    @Test
    void percentilesUseNearestRank() {
        Latencies l = new Latencies();
        for (int i = 1; i <= 100; i++) {
            l.add(i * 1_000_000L);
        }
        assertThat(l.percentileMillis(50)).isEqualTo(50.0);
        assertThat(l.percentileMillis(99)).isEqualTo(99.0);
        assertThat(l.percentileMillis(100)).isEqualTo(100.0);
    }

    @Test
    void writesTableJsonAndChart(@TempDir Path dir) throws Exception {
        ScenarioResult r = new ScenarioResult("demo");
        r.metric("sdk", "rows/s", "rows/s", 12345);
        r.atLeast("rows/s at least 1000", 12345, 1000);
        r.note("a note");
        Report report = new Report(Profile.named("smoke"), List.of(r));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        report.printTable(new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("PASS").contains("12,345").contains("a note");
        report.write(dir);
        assertThat(Files.readString(dir.resolve("bench-results.json"))).contains("\"passed\" : true");
        assertThat(Files.size(dir.resolve("bench-chart.png"))).isPositive();
    }

    @Test
    void unknownScenarioOrProfileIsABadArgument() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BenchMain.select("nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("known");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Profile.named("huge"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
