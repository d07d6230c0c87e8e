package dev.hybriddb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Runs a tiny size of every scenario so the harness keeps working. Timing is never asserted. */
class BenchSmokeIT {

    @Test
    void everyScenarioRunsAndTheReportIsWritten() throws Exception {
        Path dir = Path.of("target", "bench-smoke");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Report report;
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            report = BenchMain.execute(Profile.named("smoke"), BenchMain.allScenarios(), dir, out);
        }
        String printed = buf.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        assertThat(printed).doesNotContain("ERROR");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("bench-results.json").toFile());
        Set<String> scenarios = new HashSet<>();
        json.get("metrics").forEach(m -> scenarios.add(m.get("scenario").asText()));
        for (Scenario s : BenchMain.allScenarios()) {
            assertThat(scenarios).as("metrics of " + s.name()).contains(s.name());
        }
        assertThat(ImageIO.read(Files.newInputStream(dir.resolve("bench-chart.png"))).getWidth()).isPositive();
        assertThat(report.results()).hasSameSizeAs(BenchMain.allScenarios());
    }
}
