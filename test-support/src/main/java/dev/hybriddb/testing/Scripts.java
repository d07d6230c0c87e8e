package dev.hybriddb.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code scripts/services} commands. */
final class Scripts {
    private Scripts() {}

    /** Runs {@code script args...}; returns its standard output; fails with its error output when it fails. */
    static String run(String script, String... args) {
        List<String> cmd = new ArrayList<>(List.of(script));
        cmd.addAll(List.of(args));
        File err = null;
        try {
            err = File.createTempFile("hybriddb-services", ".err");
            Process p = new ProcessBuilder(cmd).redirectError(err).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " failed: "
                        + Files.readString(err.toPath(), StandardCharsets.UTF_8).strip());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.join(" ", cmd) + " interrupted", e);
        } finally {
            if (err != null) {
                err.delete();
            }
        }
    }
}
