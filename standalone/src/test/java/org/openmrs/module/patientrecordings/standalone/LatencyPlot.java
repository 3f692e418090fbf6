/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.standalone;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A line chart as a PNG, drawn with Java2D: milliseconds against the number of recordings (logarithmic), one line
 * per series, each point marked and labelled.
 */
final class LatencyPlot {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final int LEFT = 90;
    private static final int RIGHT = 230;
    private static final int TOP = 60;
    private static final int BOTTOM = 70;
    private static final Color[] COLOURS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e)
    };

    /** A point: x the number of recordings, y milliseconds. */
    record Point(long x, double y) {}

    private final String title;
    private final Map<String, List<Point>> series = new LinkedHashMap<>();

    LatencyPlot(String title) {
        this.title = title;
    }

    void series(String name, List<Point> points) {
        series.put(name, List.copyOf(points));
    }

    void write(Path png) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            draw(g);
        } finally {
            g.dispose();
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    private void draw(Graphics2D g) {
        long minX = Long.MAX_VALUE;
        long maxX = 1;
        double maxY = 0;
        for (List<Point> points : series.values()) {
            for (Point p : points) {
                minX = Math.min(minX, p.x());
                maxX = Math.max(maxX, p.x());
                if (Double.isFinite(p.y())) {
                    maxY = Math.max(maxY, p.y());
                }
            }
        }
        double lowX = Math.log10(Math.max(1, minX)) - 0.2;
        double highX = Math.log10(maxX) + 0.2;
        double highY = niceCeiling(maxY * 1.1);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, TOP - 25);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));

        // Grid and ticks: y in five steps, x at each measured size.
        for (int i = 0; i <= 5; i++) {
            double value = highY * i / 5;
            int y = TOP + plotH - (int) Math.round(plotH * value / highY);
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(LEFT, y, LEFT + plotW, y);
            g.setColor(Color.DARK_GRAY);
            String label = BenchReport.fmt(value);
            g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        series.values().stream().flatMap(List::stream).map(Point::x).distinct().forEach(x -> {
            int px = LEFT + (int) Math.round(plotW * (Math.log10(x) - lowX) / (highX - lowX));
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(px, TOP, px, TOP + plotH);
            g.setColor(Color.DARK_GRAY);
            String label = String.format("%,d", x);
            g.drawString(label, px - g.getFontMetrics().stringWidth(label) / 2, TOP + plotH + 18);
        });
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, plotW, plotH);
        g.drawString("recordings in the database (log scale)", LEFT + plotW / 2 - 110, HEIGHT - 25);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString("latency, ms", -(TOP + plotH / 2 + 30), 30);
        rotated.dispose();

        int index = 0;
        for (Map.Entry<String, List<Point>> entry : series.entrySet()) {
            Color colour = COLOURS[index % COLOURS.length];
            g.setColor(colour);
            g.setStroke(new BasicStroke(2.5f));
            int previousX = -1;
            int previousY = -1;
            for (Point p : entry.getValue()) {
                int px = LEFT + (int) Math.round(plotW * (Math.log10(p.x()) - lowX) / (highX - lowX));
                int py = TOP + plotH - (int) Math.round(plotH * p.y() / highY);
                if (previousX >= 0) {
                    g.drawLine(previousX, previousY, px, py);
                }
                g.fillOval(px - 4, py - 4, 8, 8);
                g.drawString(BenchReport.fmt(p.y()), px + 6, py - 6);
                previousX = px;
                previousY = py;
            }
            int legendY = TOP + 20 + 22 * index;
            g.drawLine(LEFT + plotW + 15, legendY - 4, LEFT + plotW + 40, legendY - 4);
            g.setColor(Color.BLACK);
            g.drawString(entry.getKey(), LEFT + plotW + 46, legendY);
            index++;
        }
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value}. */
    private static double niceCeiling(double value) {
        if (value <= 0 || !Double.isFinite(value)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
