package dev.hybriddb.cli.internal;

import dev.hybriddb.sync.SyncListener;
import dev.hybriddb.sync.SyncProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows rebuild progress: a bar redrawn in place on a terminal, plain lines otherwise (one per
 * label or edge type when it finishes, so logs stay readable).
 */
public final class ProgressPrinter implements SyncListener {
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final boolean terminal;
    private String current;
    private long lastDone;

    public ProgressPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** True when stdout is an interactive terminal. */
    public static boolean onTerminal() {
        return System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
    }

    @Override
    public void onProgress(SyncProgress p) {
        String key = p.phase() + " " + (p.target() == null ? "" : p.target());
        if (!key.equals(current)) {
            finishLine();
            current = key;
        }
        lastDone = p.done();
        if (terminal) {
            out.print("\r" + bar(p));
            out.flush();
        }
        if (p.phase() == SyncProgress.Phase.DONE) {
            finishLine();
            current = null;
        }
    }

    private void finishLine() {
        if (current == null) {
            return;
        }
        if (terminal) {
            out.println();
        } else if (!current.startsWith("DONE")) {
            out.printf(Locale.ROOT, "sync: %-40s %,d%n", current.trim(), lastDone);
        }
        out.flush();
    }

    static String bar(SyncProgress p) {
        String label = String.format(Locale.ROOT, "%-6s %-28s", p.phase(), p.target() == null ? "" : p.target());
        if (p.total() <= 0) {
            return String.format(Locale.ROOT, "%s %,d", label, p.done());
        }
        int filled = (int) Math.min(WIDTH, WIDTH * p.done() / p.total());
        return String.format(Locale.ROOT, "%s [%s%s] %3d%% %,d/%,d", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
                100 * p.done() / p.total(), p.done(), p.total());
    }
}
