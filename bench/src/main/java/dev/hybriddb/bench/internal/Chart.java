package dev.hybriddb.bench.internal;

import dev.hybriddb.bench.Target;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Draws a horizontal bar chart of target scores with java.awt, headless. */
public final class Chart {
    private static final int WIDTH = 1200;
    private static final int ROW = 26;
    private static final int LEFT = 560;
    private static final int TOP = 50;
    private static final double MAX_SCORE = 4.0;

    private Chart() {}

    public static void targets(String title, List<Target> targets, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int height = TOP + Math.max(1, targets.size()) * ROW + 40;
        BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, 10, 25);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            double scale = (WIDTH - LEFT - 90) / MAX_SCORE;
            for (int i = 0; i < targets.size(); i++) {
                drawRow(g, targets.get(i), TOP + i * ROW, scale);
            }
            int oneX = LEFT + (int) scale;
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            g.drawLine(oneX, TOP - 8, oneX, TOP + targets.size() * ROW);
            g.drawString("target", oneX - 16, TOP + targets.size() * ROW + 16);
        } finally {
            g.dispose();
        }
        ImageIO.write(img, "png", png.toFile());
    }

    private static void drawRow(Graphics2D g, Target t, int y, double scale) {
        g.setColor(Color.BLACK);
        String label = t.scenario() + ": " + t.description();
        g.drawString(label.length() > 88 ? label.substring(0, 85) + "..." : label, 10, y + 15);
        double score = Math.min(MAX_SCORE, Double.isFinite(t.score()) ? t.score() : MAX_SCORE);
        g.setColor(t.passed() ? new Color(0x2E7D32) : new Color(0xC62828));
        g.fillRect(LEFT, y + 3, Math.max(2, (int) (score * scale)), ROW - 8);
        g.setColor(Color.BLACK);
        g.drawString(String.format(Locale.ROOT, "%.2fx %s", t.score(), t.verdict()), LEFT + (int) (score * scale) + 6, y + 15);
    }
}
